import { describe, expect, it } from 'vitest';
import { builderArgs } from './dist';

const common = ['--config', 'electron-builder.yml', '--publish', 'never'];

describe('builderArgs', () => {
  it.each([
    ['linux', ['--linux', 'AppImage', 'deb']],
    ['win32', ['--win', 'nsis']],
    ['darwin', ['--mac', 'dmg']],
  ] as const)('dist on %s builds %j', (platform, target) => {
    expect(builderArgs({ mode: 'dist', platform, env: {} })).toEqual([...target, ...common]);
  });

  it('pack makes the unpacked folder for the host platform, with the extra arguments last', () => {
    expect(
      builderArgs({ mode: 'pack', platform: 'linux', env: {}, extra: ['-c.electronDist=/opt/electron'] }),
    ).toEqual(['--linux', '--dir', ...common, '-c.electronDist=/opt/electron']);
  });

  it('adds a generic update feed when DESK_UPDATE_URL is set (https only)', () => {
    expect(
      builderArgs({
        mode: 'dist',
        platform: 'win32',
        env: { DESK_UPDATE_URL: 'https://u.example/desk/win' },
      }),
    ).toEqual([
      '--win',
      'nsis',
      ...common,
      '-c.publish.provider=generic',
      '-c.publish.url=https://u.example/desk/win',
    ]);
    expect(builderArgs({ mode: 'dist', platform: 'linux', env: { DESK_UPDATE_URL: 'off' } })).not.toContain(
      '-c.publish.provider=generic',
    );
    expect(() =>
      builderArgs({ mode: 'dist', platform: 'linux', env: { DESK_UPDATE_URL: 'http://u.example/' } }),
    ).toThrow(/https/);
  });

  it('refuses a platform without a desktop build', () => {
    expect(() => builderArgs({ mode: 'dist', platform: 'freebsd', env: {} })).toThrow(/freebsd/);
    expect(() => builderArgs({ mode: 'pack', platform: 'aix', env: {} })).toThrow(/aix/);
  });
});
