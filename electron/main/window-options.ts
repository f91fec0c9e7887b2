// The app window's construction options. `webPreferences` is the security boundary of the renderer: isolated,
// sandboxed, no Node, no <webview>, web security on; the preload is the only bridge (shared/ipc.ts).
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_TITLE } from './config';
import { MIN_HEIGHT, MIN_WIDTH, type PlacedWindowState } from './window-state';

export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
    // A middle click on a link would otherwise ask for a new window outside the window-open handler's path
    // (Electronegativity AUXCLICK_JS_CHECK); the desk has no use for it.
    disableBlinkFeatures: 'Auxclick',
  };
}

export interface WindowOptionsInput {
  state: PlacedWindowState;
  preloadPath: string;
  /** The window icon (used on Linux; Windows and macOS take the executable's). */
  iconPath?: string;
}

export function windowOptions({
  state,
  preloadPath,
  iconPath,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: APP_TITLE,
    // Shown on 'ready-to-show', so the first paint is the app rather than a blank frame.
    show: false,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: false,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: webPreferences(preloadPath),
  };
}
