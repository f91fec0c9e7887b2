// The one contract between the renderer and Electron's main process. Each channel names the zod schemas of its
// argument and result; the preload exposes exactly these channels as `window.desk`, and main validates every
// argument (and the sender frame) before a handler runs. Offline: none of these needs the network.
import { z } from 'zod';

export const IPC_PREFIX = 'desk:';

export const AppConfig = z.object({
  serverUrl: z.url(),
  appVersion: z.string(),
  platform: z.string(),
});
export type AppConfig = z.infer<typeof AppConfig>;

const Void = z.undefined();

export const DesktopNotice = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
  caseId: z.string().min(1).max(100).optional(),
});
export type DesktopNotice = z.infer<typeof DesktopNotice>;

export const IPC_CHANNELS = {
  'desk:config': { args: Void, result: AppConfig },
  /** The bearer token is encrypted with the OS keychain (safeStorage) and never written in clear. */
  'desk:token:save': { args: z.object({ token: z.string().min(16).max(512) }), result: Void },
  'desk:token:load': { args: Void, result: z.string().nullable() },
  'desk:token:clear': { args: Void, result: Void },
  'desk:open-external': { args: z.object({ url: z.url({ protocol: /^https?$/ }) }), result: Void },
  'desk:badge': { args: z.object({ count: z.number().int().min(0).max(1_000_000) }), result: Void },
  /**
   * A desktop notification (Electron's Notification in main). Resolves when the user clicks it (`clicked: true`)
   * or it goes away unclicked, so the renderer can open `caseId` on a click without a main-to-renderer channel.
   */
  'desk:notify': { args: DesktopNotice, result: z.object({ clicked: z.boolean() }) },
} as const;

export type IpcChannel = keyof typeof IPC_CHANNELS;
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof IPC_CHANNELS)[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<(typeof IPC_CHANNELS)[C]['result']>;

/** What the preload puts on `window.desk`. */
export interface DeskBridge {
  invoke<C extends IpcChannel>(channel: C, args: IpcArgs<C>): Promise<IpcResult<C>>;
}
