import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecordingLog, FakeEmitter } from './test-fakes';
import {
  CHECK_INTERVAL_MS,
  FIRST_CHECK_DELAY_MS,
  planUpdates,
  startAutoUpdates,
  type UpdaterLike,
  type UpdaterLogger,
} from './updater';

describe('planUpdates', () => {
  const packaged = { packaged: true, env: {}, hasPublishConfig: false };

  it('is off in development, whatever is configured', () => {
    expect(
      planUpdates({
        packaged: false,
        env: { DESK_UPDATE_URL: 'https://u.example/' },
        hasPublishConfig: true,
      }),
    ).toEqual({ enabled: false, reason: 'not a packaged app (development)' });
  });

  it('is off in a packaged app without a feed', () => {
    expect(planUpdates(packaged)).toMatchObject({
      enabled: false,
      reason: expect.stringMatching(/no update feed/) as string,
    });
  });

  it('uses the publish configuration built into the app', () => {
    expect(planUpdates({ ...packaged, hasPublishConfig: true })).toEqual({
      enabled: true,
      feed: { source: 'publish-config' },
    });
  });

  it('prefers DESK_UPDATE_URL, and DESK_UPDATE_URL=off turns a built-in feed off', () => {
    expect(
      planUpdates({
        ...packaged,
        hasPublishConfig: true,
        env: { DESK_UPDATE_URL: ' https://u.example/desk ' },
      }),
    ).toEqual({ enabled: true, feed: { source: 'env', url: 'https://u.example/desk' } });
    expect(planUpdates({ ...packaged, hasPublishConfig: true, env: { DESK_UPDATE_URL: 'off' } })).toEqual({
      enabled: false,
      reason: 'DESK_UPDATE_URL=off',
    });
  });

  it.each([
    ['http://updates.example/desk', /https/],
    ['ftp://updates.example/', /https/],
    ['file:///tmp/feed', /https/],
    ['not a url', /not a URL/],
    ['https://user:pw@updates.example/', /credentials/],
  ])('refuses the feed %s', (url, reason) => {
    expect(planUpdates({ ...packaged, env: { DESK_UPDATE_URL: url } })).toMatchObject({
      enabled: false,
      reason: expect.stringMatching(reason) as string,
    });
  });

  it('allows plain http to a feed on this machine (testing)', () => {
    expect(planUpdates({ ...packaged, env: { DESK_UPDATE_URL: 'http://127.0.0.1:8080/' } })).toMatchObject({
      enabled: true,
    });
  });
});

/** electron-updater's autoUpdater as a fake: the test decides what each check does. */
class FakeUpdater extends FakeEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  logger: UpdaterLogger | null = null;
  feeds: unknown[] = [];
  checks = 0;
  nextCheck: () => Promise<{ downloadPromise?: Promise<unknown> | null } | null> = () =>
    Promise.resolve(null);
  setFeedURL(options: unknown) {
    this.feeds.push(options);
  }
  checkForUpdates() {
    this.checks += 1;
    return this.nextCheck();
  }
}

describe('startAutoUpdates', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(feed: Parameters<typeof startAutoUpdates>[0]['feed'] = { source: 'publish-config' }) {
    const updater = new FakeUpdater();
    const log = createRecordingLog();
    const updates = startAutoUpdates({ updater, feed, log });
    return { updater, log, updates };
  }

  it('downloads in the background and installs on quit, never downgrades', () => {
    const { updater } = setup();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.feeds).toEqual([]);
  });

  it('points electron-updater at DESK_UPDATE_URL as a generic feed', () => {
    const { updater } = setup({ source: 'env', url: 'https://u.example/desk/' });
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://u.example/desk/' }]);
  });

  it('checks a while after start, then every few hours', async () => {
    const { updater } = setup();
    expect(updater.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS - 1);
    expect(updater.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS * 2);
    expect(updater.checks).toBe(3);
  });

  it('stops checking when stopped', async () => {
    const { updater, updates } = setup();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    updates.stop();
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS * 3);
    expect(updater.checks).toBe(1);
  });

  it('logs failures only: a rejected check, a thrown check, a failed download, an error event', async () => {
    const { updater, updates, log } = setup();
    updater.nextCheck = () => Promise.reject(new Error('ENOTFOUND updates.example'));
    await expect(updates.check()).resolves.toBeUndefined();
    updater.nextCheck = () => {
      throw new Error('app-update.yml missing');
    };
    await expect(updates.check()).resolves.toBeUndefined();
    const download = Promise.reject(new Error('sha512 checksum mismatch'));
    updater.nextCheck = () => Promise.resolve({ downloadPromise: download });
    await expect(updates.check()).resolves.toBeUndefined();
    updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(log.lines).toEqual([
      { level: 'warn', message: 'update check failed: ENOTFOUND updates.example' },
      { level: 'warn', message: 'update check failed: app-update.yml missing' },
      { level: 'warn', message: 'update failed: sha512 checksum mismatch' },
    ]);
  });

  it('runs one check at a time', async () => {
    const { updater, updates } = setup();
    let finish: () => void = () => undefined;
    updater.nextCheck = () => new Promise((resolve) => (finish = () => resolve(null)));
    const first = updates.check();
    const second = updates.check();
    await Promise.resolve();
    await Promise.resolve();
    expect(updater.checks).toBe(1);
    finish();
    await Promise.all([first, second]);
    updater.nextCheck = () => Promise.resolve(null);
    await updates.check();
    expect(updater.checks).toBe(2);
  });

  it('says what it found and that a downloaded update waits for quit; sends its own logs to the file', () => {
    const { updater, log } = setup();
    updater.emit('update-available', { version: '0.2.0' });
    updater.emit('update-downloaded', { version: '0.2.0' });
    updater.emit('update-not-available', { version: '0.1.0' });
    updater.logger?.info('Checking for update');
    expect(log.lines.map((line) => line.message)).toEqual([
      'update 0.2.0 available; downloading',
      'update 0.2.0 downloaded; it is installed when the app quits',
      'no update (latest is 0.1.0)',
      'updater: Checking for update',
    ]);
  });
});
