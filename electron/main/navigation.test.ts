import { describe, expect, it, vi } from 'vitest';
import {
  attachNavigationGuards,
  isAppUrl,
  isExternalWebUrl,
  navigationDecision,
  originOf,
  windowOpenDecision,
  type GuardableContents,
  type NavigationEvent,
  type PreventableEvent,
} from './navigation';
import { createRecordingLog } from './test-fakes';

describe('originOf', () => {
  it('gives app://desk for the custom scheme, which Node alone calls "null"', () => {
    expect(new URL('app://desk/index.html').origin).toBe('null');
    expect(originOf('app://desk/index.html')).toBe('app://desk');
    expect(originOf('app://desk')).toBe('app://desk');
  });

  it('gives web origins and nothing for other schemes', () => {
    expect(originOf('https://example.com:8443/a?b#c')).toBe('https://example.com:8443');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://desk/', true],
    ['app://desk/cases/42?tab=notes#top', true],
    ['app://desk.evil.example/', false],
    ['app://evil/', false],
    ['app://desk@evil/', false],
    ['app://desk:8080/', false],
    ['http://desk/', false],
    ['file:///desk/index.html', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('navigationDecision', () => {
  it('allows the app origin only', () => {
    expect(navigationDecision('app://desk/index.html')).toBe('allow');
    expect(navigationDecision('https://example.com/')).toBe('deny');
    expect(navigationDecision('http://127.0.0.1:4870/')).toBe('deny');
    expect(navigationDecision('file:///etc/passwd')).toBe('deny');
    expect(navigationDecision('about:blank')).toBe('deny');
  });
});

describe('windowOpenDecision', () => {
  it('always denies; http(s) goes to the system browser', () => {
    expect(windowOpenDecision('https://example.com/track')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('http://example.com/')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('app://desk/other')).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenDecision('file:///C:/Windows/system32/calc.exe')).toEqual({
      action: 'deny',
      openExternally: false,
    });
    expect(windowOpenDecision('mailto:a@b.c')).toEqual({ action: 'deny', openExternally: false });
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
  });
});

class FakeContents implements GuardableContents {
  navigate = new Map<string, (event: NavigationEvent) => void>();
  webview: ((event: PreventableEvent) => void) | undefined;
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): this;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this;
  on(event: string, listener: (event: NavigationEvent) => void): this {
    if (event === 'will-attach-webview') this.webview = listener as (event: PreventableEvent) => void;
    else this.navigate.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

function navigation(url: string) {
  const event = { url, preventDefault: vi.fn() };
  return event;
}

describe('attachNavigationGuards', () => {
  function setup() {
    const contents = new FakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    const log = createRecordingLog();
    attachNavigationGuards(contents, { openExternal, log });
    return { contents, openExternal, log };
  }

  it.each(['will-navigate', 'will-redirect'])(
    '%s: cancels leaving the app, lets app URLs through',
    (name) => {
      const { contents, log } = setup();
      const listener = contents.navigate.get(name);
      expect(listener).toBeDefined();

      const away = navigation('https://evil.example/phish');
      listener?.(away);
      expect(away.preventDefault).toHaveBeenCalledOnce();
      expect(log.lines.at(-1)?.message).toContain('https://evil.example/phish');

      const home = navigation('app://desk/index.html');
      listener?.(home);
      expect(home.preventDefault).not.toHaveBeenCalled();
    },
  );

  it('denies every new window and opens web links in the system browser', () => {
    const { contents, openExternal } = setup();
    expect(contents.openHandler?.({ url: 'https://example.com/track/1' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/track/1');

    openExternal.mockClear();
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://desk/popup' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks <webview>', () => {
    const { contents } = setup();
    const event = { preventDefault: vi.fn() };
    contents.webview?.(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('logs rather than throws when the system browser fails', async () => {
    const contents = new FakeContents();
    const log = createRecordingLog();
    attachNavigationGuards(contents, { openExternal: () => Promise.reject(new Error('no browser')), log });
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() =>
      expect(log.lines.map((l) => l.message)).toContain(
        'could not open https://example.com/ in the system browser',
      ),
    );
  });
});
