// The application menu: standard roles under Chinese labels by default (English on English systems). Built by a
// pure function so the template is tested without Electron; index.ts passes it to `Menu.buildFromTemplate`.
import type { MenuItemConstructorOptions } from 'electron';

export type MenuLocale = 'zh-CN' | 'en';

export interface MenuTemplateOptions {
  packaged: boolean;
  locale: MenuLocale;
  /** macOS puts the application menu first. */
  mac?: boolean;
  /** 帮助 → 打开日志文件夹: shows `<userData>/logs` in the file manager (logging.ts). */
  openLogsFolder?: () => void;
}

const LABELS = {
  'zh-CN': {
    file: '文件',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    help: '帮助',
    quit: '退出',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    reload: '重新加载',
    toggleDevTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    togglefullscreen: '全屏',
    minimize: '最小化',
    close: '关闭窗口',
    about: '关于逾期工作台',
    openLogs: '打开日志文件夹',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    quit: 'Quit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    reload: 'Reload',
    toggleDevTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    togglefullscreen: 'Toggle Full Screen',
    minimize: 'Minimize',
    close: 'Close Window',
    about: 'About Overdue Desk',
    openLogs: 'Open Logs Folder',
  },
} as const satisfies Record<MenuLocale, Record<string, string>>;

/** English menus on English systems, Chinese everywhere else (the app's own language). */
export function menuLocale(systemLocale: string): MenuLocale {
  return /^en\b/i.test(systemLocale) ? 'en' : 'zh-CN';
}

export function menuTemplate({
  packaged,
  locale,
  mac = false,
  openLogsFolder,
}: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const t = LABELS[locale];
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    // On macOS "quit" lives in the application menu.
    { label: t.file, submenu: [mac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        separator,
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'reload', label: t.reload },
        ...(packaged ? [] : [{ role: 'toggleDevTools', label: t.toggleDevTools } as const]),
        separator,
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        separator,
        { role: 'togglefullscreen', label: t.togglefullscreen },
      ],
    },
    {
      label: t.window,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.close },
      ],
    },
    {
      label: t.help,
      role: 'help',
      submenu: [
        ...(openLogsFolder ? [{ label: t.openLogs, click: () => openLogsFolder() }, separator] : []),
        { role: 'about', label: t.about },
      ],
    },
  ];
}
