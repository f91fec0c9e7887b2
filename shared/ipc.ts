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

export const PrintPdfRequest = z.object({
  /** The document's title; the suggested file name is `<title>.pdf` in the Documents folder. */
  title: z.string().trim().min(1).max(200),
});
export type PrintPdfRequest = z.infer<typeof PrintPdfRequest>;

export const PrintPdfResult = z.object({
  /** False when the user cancelled the save dialog. */
  saved: z.boolean(),
  /** Where the PDF was written, or null when nothing was saved. */
  path: z.string().nullable(),
});
export type PrintPdfResult = z.infer<typeof PrintPdfResult>;

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export const RendererLogEntry = z.object({
  level: z.enum(LOG_LEVELS),
  message: z.string().min(1).max(4000),
});
export type RendererLogEntry = z.infer<typeof RendererLogEntry>;

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
  /**
   * Prints the calling window to an A4 PDF (backgrounds included) and asks where to save it. Resolves
   * `{ saved: false, path: null }` when the user cancels.
   */
  'desk:print-pdf': { args: PrintPdfRequest, result: PrintPdfResult },
  /** A line for the renderer's log file (`<userData>/logs/renderer.log`); see docs/electron.md. */
  'desk:log': { args: RendererLogEntry, result: Void },
} as const;

export type IpcChannel = keyof typeof IPC_CHANNELS;
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof IPC_CHANNELS)[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<(typeof IPC_CHANNELS)[C]['result']>;

/** What the preload puts on `window.desk`. */
export interface DeskBridge {
  invoke<C extends IpcChannel>(channel: C, args: IpcArgs<C>): Promise<IpcResult<C>>;
}
