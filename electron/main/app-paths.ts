// Where the built files are, worked out from the main bundle's own location so it is the same in development
// (`<repo>/out/main/index.js`) and packaged (`<resources>/app.asar/out/main/index.js`, which Electron's fs reads
// transparently): the renderer is `<root>/dist/renderer`, the preload `<root>/out/preload/index.cjs`.
import path from 'node:path';
import { TOKEN_FILE_NAME } from './token-vault';
import { WINDOW_STATE_FILE_NAME } from './window-state';

export interface AppPaths {
  rendererDir: string;
  preloadPath: string;
  tokenFile: string;
  windowStateFile: string;
}

export function appPaths(mainDir: string, userDataDir: string): AppPaths {
  const root = path.resolve(mainDir, '..', '..');
  return {
    rendererDir: path.join(root, 'dist', 'renderer'),
    preloadPath: path.join(root, 'out', 'preload', 'index.cjs'),
    tokenFile: path.join(userDataDir, TOKEN_FILE_NAME),
    windowStateFile: path.join(userDataDir, WINDOW_STATE_FILE_NAME),
  };
}
