// Where the built files are, worked out from the main bundle's own location so it is the same in development
// (`<repo>/out/main/index.js`) and packaged (`<resources>/app.asar/out/main/index.js`, which Electron's fs reads
// transparently): the renderer is `<root>/dist/renderer`, the preload `<root>/out/preload/index.cjs`, the window
// icon `<root>/assets/icon.png`. Logs go to `<userData>/logs`.
import path from 'node:path';
import { logsDirectory } from './logging';
import { TOKEN_FILE_NAME } from './token-vault';
import { WINDOW_STATE_FILE_NAME } from './window-state';

export interface AppPaths {
  rendererDir: string;
  preloadPath: string;
  iconPath: string;
  tokenFile: string;
  windowStateFile: string;
  logsDir: string;
}

export function appPaths(mainDir: string, userDataDir: string): AppPaths {
  const root = path.resolve(mainDir, '..', '..');
  return {
    rendererDir: path.join(root, 'dist', 'renderer'),
    preloadPath: path.join(root, 'out', 'preload', 'index.cjs'),
    iconPath: path.join(root, 'assets', 'icon.png'),
    tokenFile: path.join(userDataDir, TOKEN_FILE_NAME),
    windowStateFile: path.join(userDataDir, WINDOW_STATE_FILE_NAME),
    logsDir: logsDirectory(userDataDir),
  };
}
