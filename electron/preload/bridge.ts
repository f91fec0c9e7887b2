// `window.desk`: the renderer's only way into the main process. It forwards a call only on a channel of the
// contract (shared/ipc.ts); anything else is refused here, before it reaches main (which checks again, together
// with the sender and the arguments). Imports channel names only, so the sandboxed preload bundle stays small.
import type { DeskBridge, IpcArgs, IpcChannel, IpcResult } from '../../shared/ipc';
import { isIpcChannelName } from '../../shared/ipc-channels';

/** Electron's `ipcRenderer.invoke`, injected. */
export type Invoke = (channel: string, args: unknown) => Promise<unknown>;

export function createDeskBridge(invoke: Invoke): DeskBridge {
  const bridge = {
    async invoke<C extends IpcChannel>(channel: C, args: IpcArgs<C>): Promise<IpcResult<C>> {
      if (!isIpcChannelName(channel)) throw new Error(`window.desk: unknown channel ${String(channel)}`);
      return (await invoke(channel, args)) as IpcResult<C>;
    },
  } satisfies DeskBridge;
  return Object.freeze(bridge);
}
