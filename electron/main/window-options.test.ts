import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from './app-paths';
import { webPreferences, windowOptions } from './window-options';

const PRELOAD = '/app/out/preload/index.cjs';

describe('webPreferences', () => {
  const prefs = webPreferences(PRELOAD);

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['webviewTag', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['spellcheck', false],
    ['disableBlinkFeatures', 'Auxclick'],
  ] as const)('%s is %s', (flag, value) => {
    expect(prefs[flag]).toBe(value);
  });

  it('loads the preload and sets nothing else', () => {
    expect(prefs.preload).toBe(PRELOAD);
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'disableBlinkFeatures',
        'nodeIntegration',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('windowOptions', () => {
  it('opens at the remembered bounds, hidden until ready, with the minimum size', () => {
    const options = windowOptions({
      state: { x: 10, y: 20, width: 1500, height: 950, maximized: false },
      preloadPath: PRELOAD,
    });
    expect(options).toMatchObject({
      x: 10,
      y: 20,
      width: 1500,
      height: 950,
      minWidth: 1024,
      minHeight: 680,
      show: false,
      title: '逾期工作台',
    });
    expect(options.webPreferences).toEqual(webPreferences(PRELOAD));
    expect(options).not.toHaveProperty('icon');
  });

  it('sets the window icon when given', () => {
    const options = windowOptions({
      state: { x: 0, y: 0, width: 1440, height: 900, maximized: false },
      preloadPath: PRELOAD,
      iconPath: '/app/assets/icon.png',
    });
    expect(options.icon).toBe('/app/assets/icon.png');
  });
});

describe('appPaths', () => {
  it('finds the renderer and preload from the main bundle, in development and packaged', () => {
    const dev = appPaths(path.join('/repo', 'out', 'main'), '/home/u/.config/Overdue Desk');
    expect(dev.rendererDir).toBe(path.join('/repo', 'dist', 'renderer'));
    expect(dev.preloadPath).toBe(path.join('/repo', 'out', 'preload', 'index.cjs'));
    expect(dev.tokenFile).toBe(path.join('/home/u/.config/Overdue Desk', 'session.bin'));
    expect(dev.windowStateFile).toBe(path.join('/home/u/.config/Overdue Desk', 'window-state.json'));
    expect(dev.logsDir).toBe(path.join('/home/u/.config/Overdue Desk', 'logs'));
    expect(dev.iconPath).toBe(path.join('/repo', 'assets', 'icon.png'));

    const packaged = appPaths(path.join('/opt/desk/resources/app.asar/out/main'), '/data');
    expect(packaged.rendererDir).toBe(path.join('/opt/desk/resources/app.asar/dist/renderer'));
    expect(packaged.iconPath).toBe(path.join('/opt/desk/resources/app.asar/assets/icon.png'));
  });
});
