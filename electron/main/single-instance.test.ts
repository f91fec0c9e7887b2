import { describe, expect, it, vi } from 'vitest';
import {
  claimSingleInstance,
  focusWindow,
  type FocusableWindow,
  type SingleInstanceApp,
} from './single-instance';

function fakeApp(gotLock: boolean) {
  let secondInstance: (() => void) | undefined;
  const app = {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((_event: 'second-instance', listener: () => void) => {
      secondInstance = listener;
    }),
  } satisfies SingleInstanceApp;
  return { app, launchAgain: () => secondInstance?.() };
}

function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  const window: FocusableWindow = {
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { window, calls };
}

describe('claimSingleInstance', () => {
  it('quits when another instance holds the lock', () => {
    const { app } = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('brings the window back when launched again', () => {
    const { app, launchAgain } = fakeApp(true);
    const { window, calls } = fakeWindow(true);
    expect(claimSingleInstance(app, () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    launchAgain();
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('does not restore a window that is not minimized, and copes with none', () => {
    const { window, calls } = fakeWindow(false);
    focusWindow(window);
    expect(calls).toEqual(['show', 'focus']);
    expect(() => focusWindow(null)).not.toThrow();
    const destroyed = {
      ...fakeWindow(true).window,
      isDestroyed: () => true,
      show: () => expect.fail('shown'),
    };
    expect(() => focusWindow(destroyed)).not.toThrow();
  });
});
