import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from './ipc-handlers';
import { createRecordingLog } from './test-fakes';
import type { TokenVault } from './token-vault';

const CONFIG = { serverUrl: 'http://127.0.0.1:4870', appVersion: '0.1.0', platform: 'darwin' };

function setup(setBadgeCount: (count: number) => boolean = () => true) {
  let stored: string | null = null;
  const vault: TokenVault = {
    save: (token) => void (stored = token),
    load: () => stored,
    clear: () => void (stored = null),
  };
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const badge = vi.fn(setBadgeCount);
  const log = createRecordingLog();
  const handlers = createIpcHandlers({ config: CONFIG, vault, openExternal, setBadgeCount: badge, log });
  return { handlers, openExternal, badge, log };
}

describe('ipc handlers', () => {
  it('desk:config returns the app configuration', async () => {
    expect(await setup().handlers['desk:config'](undefined)).toEqual(CONFIG);
  });

  it('desk:token:* go through the vault', async () => {
    const { handlers } = setup();
    expect(await handlers['desk:token:load'](undefined)).toBeNull();
    await handlers['desk:token:save']({ token: 'tok_0123456789abcdef' });
    expect(await handlers['desk:token:load'](undefined)).toBe('tok_0123456789abcdef');
    await handlers['desk:token:clear'](undefined);
    expect(await handlers['desk:token:load'](undefined)).toBeNull();
  });

  it('desk:open-external opens http(s) only', async () => {
    const { handlers, openExternal } = setup();
    await handlers['desk:open-external']({ url: 'https://track.example/1' });
    expect(openExternal).toHaveBeenCalledWith('https://track.example/1');
    await expect(handlers['desk:open-external']({ url: 'file:///etc/passwd' })).rejects.toThrow(/http\(s\)/);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('desk:badge sets the count and ignores platforms without a badge', async () => {
    const ok = setup();
    await ok.handlers['desk:badge']({ count: 12 });
    expect(ok.badge).toHaveBeenCalledWith(12);

    const unsupported = setup(() => {
      throw new Error('not supported');
    });
    await expect(Promise.resolve(unsupported.handlers['desk:badge']({ count: 1 }))).resolves.toBeUndefined();
    expect(unsupported.log.lines).toHaveLength(1);

    const returnsFalse = setup(() => false);
    await expect(Promise.resolve(returnsFalse.handlers['desk:badge']({ count: 1 }))).resolves.toBeUndefined();
  });
});
