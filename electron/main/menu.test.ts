import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuLocale, menuTemplate } from './menu';

function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

const submenuOf = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] =>
  (items.find((item) => item.label === label)?.submenu as MenuItemConstructorOptions[] | undefined) ?? [];

describe('menuTemplate', () => {
  it('has Chinese top-level menus by default', () => {
    const template = menuTemplate({ packaged: true, locale: 'zh-CN' });
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('has English menus for en', () => {
    const template = menuTemplate({ packaged: true, locale: 'en' });
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('uses the standard roles, each with a label', () => {
    const template = menuTemplate({ packaged: false, locale: 'zh-CN' });
    expect(roles(template)).toEqual([
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'reload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'minimize',
      'close',
      'help',
      'about',
    ]);
    expect(submenuOf(template, '编辑').find((item) => item.role === 'paste')?.label).toBe('粘贴');
    expect(submenuOf(template, '视图').find((item) => item.role === 'toggleDevTools')?.label).toBe(
      '开发者工具',
    );
  });

  it('has developer tools only when not packaged', () => {
    expect(roles(menuTemplate({ packaged: true, locale: 'zh-CN' }))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ packaged: true, locale: 'en' }))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ packaged: false, locale: 'en' }))).toContain('toggleDevTools');
  });

  it('puts the application menu first on macOS, where quit lives', () => {
    const template = menuTemplate({ packaged: true, locale: 'zh-CN', mac: true });
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(submenuOf(template, '文件').map((item) => item.role)).toEqual(['close']);
  });

  it('has 帮助 → 打开日志文件夹 (Help → Open Logs Folder), which calls back', () => {
    const openLogsFolder = vi.fn();
    const zh = submenuOf(menuTemplate({ packaged: true, locale: 'zh-CN', openLogsFolder }), '帮助');
    expect(zh.map((item) => item.label ?? item.type)).toEqual([
      '打开日志文件夹',
      'separator',
      '关于逾期工作台',
    ]);
    const click = zh[0]?.click as (() => void) | undefined;
    click?.();
    expect(openLogsFolder).toHaveBeenCalledOnce();

    const en = submenuOf(menuTemplate({ packaged: true, locale: 'en', openLogsFolder }), 'Help');
    expect(en[0]?.label).toBe('Open Logs Folder');
    // Without a logs folder (nothing passed) the item is left out rather than dead.
    expect(submenuOf(menuTemplate({ packaged: true, locale: 'zh-CN' }), '帮助')).toHaveLength(1);
  });

  it('labels every item that is not a separator in both locales', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
        items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? all(item.submenu) : [])]);
      for (const item of all(menuTemplate({ packaged: false, locale, openLogsFolder: () => undefined }))) {
        if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy();
      }
    }
  });
});

describe('menuLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ja', 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
  ])('%s → %s', (system, expected) => {
    expect(menuLocale(system)).toBe(expected);
  });
});
