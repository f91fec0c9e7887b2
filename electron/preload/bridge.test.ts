import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcChannel } from '../../shared/ipc';
import { IPC_CHANNEL_NAMES, isIpcChannelName, type IpcChannelName } from '../../shared/ipc-channels';
import { createDeskBridge } from './bridge';

describe('IPC_CHANNEL_NAMES', () => {
  it('lists exactly the channels of IPC_CHANNELS, once each', () => {
    expect([...IPC_CHANNEL_NAMES].sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    expect(new Set(IPC_CHANNEL_NAMES).size).toBe(IPC_CHANNEL_NAMES.length);
    expectTypeOf<IpcChannelName>().toEqualTypeOf<IpcChannel>();
  });

  it('recognises channel names only', () => {
    expect(isIpcChannelName('desk:badge')).toBe(true);
    expect(isIpcChannelName('desk:nope')).toBe(false);
    expect(isIpcChannelName('toString')).toBe(false);
    expect(isIpcChannelName(undefined)).toBe(false);
  });
});

describe('window.desk bridge', () => {
  it('forwards contract channels to ipcRenderer.invoke', async () => {
    const invoke = vi.fn((_channel: string, _args: unknown) => Promise.resolve(null as unknown));
    const bridge = createDeskBridge(invoke);
    await expect(bridge.invoke('desk:token:load', undefined)).resolves.toBeNull();
    await bridge.invoke('desk:badge', { count: 2 });
    expect(invoke.mock.calls).toEqual([
      ['desk:token:load', undefined],
      ['desk:badge', { count: 2 }],
    ]);
  });

  it('refuses any other channel without calling main', async () => {
    const invoke = vi.fn(() => Promise.resolve());
    const bridge = createDeskBridge(invoke);
    for (const channel of ['desk:evil', '__proto__', 'constructor', '']) {
      // @ts-expect-error not a channel of the contract
      await expect(bridge.invoke(channel, undefined)).rejects.toThrow(/unknown channel/);
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('is frozen and has invoke only', () => {
    const bridge = createDeskBridge(() => Promise.resolve());
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
