// The names of the IPC channels, without their zod schemas, for the preload: a sandboxed preload is bundled on
// its own and should not carry zod. The type-only import below is erased at build time; the two checks keep
// this list and `IPC_CHANNELS` in shared/ipc.ts identical (an extra name fails `satisfies`, a missing one
// fails `AllChannelsListed`).
import type { IpcChannel } from './ipc';

export const IPC_CHANNEL_NAMES = [
  'desk:config',
  'desk:token:save',
  'desk:token:load',
  'desk:token:clear',
  'desk:open-external',
  'desk:badge',
  'desk:notify',
  'desk:print-pdf',
  'desk:log',
] as const satisfies readonly IpcChannel[];

export type IpcChannelName = (typeof IPC_CHANNEL_NAMES)[number];

type AssertNever<T extends never> = T;
/** Compile-time check: every channel of `IPC_CHANNELS` is listed above. */
export type AllChannelsListed = AssertNever<Exclude<IpcChannel, IpcChannelName>>;

export function isIpcChannelName(value: unknown): value is IpcChannelName {
  return typeof value === 'string' && (IPC_CHANNEL_NAMES as readonly string[]).includes(value);
}
