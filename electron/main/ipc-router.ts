// Registers one `ipcMain.handle` per channel of the typed contract (shared/ipc.ts). Before a handler runs, the
// sender must be the top frame of the app window showing an app://desk page, and the argument must match the
// channel's zod schema; the handler's result is checked against the contract before it is sent back. Anything else
// rejects with an Error that names the channel and the reason.
import type { z } from 'zod';
import { IPC_CHANNELS, type IpcArgs, type IpcChannel, type IpcResult } from '../../shared/ipc';
import { APP_ORIGIN } from './config';
import type { Log } from './log';
import { originOf } from './navigation';

/** Who called, for the handlers that act on the caller's window (`desk:print-pdf`). Already checked. */
export interface IpcCallContext {
  /** The id of the sender's web contents: the app window's, since any other sender is refused. */
  readonly senderId: number;
}

/** One handler per channel: leaving one out is a type error. */
export type IpcHandlers = {
  [C in IpcChannel]: (args: IpcArgs<C>, context: IpcCallContext) => Promise<IpcResult<C>> | IpcResult<C>;
};

/** The parts of Electron's `WebFrameMain` and `IpcMainInvokeEvent` the router reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}
export interface InvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null | undefined;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcRouterDeps {
  ipcMain: IpcMainLike;
  handlers: IpcHandlers;
  /** The id of the app window's web contents, or null while there is no window. */
  appWebContentsId(): number | null;
  log: Pick<Log, 'warn' | 'error'>;
}

/** Why a sender is refused, or null when it may call. */
export function senderProblem(event: InvokeEvent, appWebContentsId: number | null): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'no sender frame';
  if (frame.parent !== null) return 'not the top frame';
  if (appWebContentsId === null || event.sender.id !== appWebContentsId) return 'not the app window';
  if (originOf(frame.url) !== APP_ORIGIN) return `origin ${originOf(frame.url) ?? 'unknown'}`;
  return null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpcHandlers(deps: IpcRouterDeps): () => void {
  const channels = Object.keys(IPC_CHANNELS) as IpcChannel[];
  for (const channel of channels) register(deps, channel);
  return () => {
    for (const channel of channels) deps.ipcMain.removeHandler(channel);
  };
}

function register<C extends IpcChannel>(deps: IpcRouterDeps, channel: C): void {
  const contract = IPC_CHANNELS[channel];
  const handler: (args: IpcArgs<C>, context: IpcCallContext) => Promise<IpcResult<C>> | IpcResult<C> =
    deps.handlers[channel];
  deps.ipcMain.handle(channel, async (event, ...rawArgs) => {
    const problem = senderProblem(event, deps.appWebContentsId());
    if (problem !== null) {
      deps.log.warn(`${channel}: sender not allowed (${problem})`);
      throw new Error(`${channel}: sender not allowed`);
    }
    if (rawArgs.length > 1) throw new Error(`${channel}: invalid arguments: expected one argument`);
    const args = contract.args.safeParse(rawArgs[0]);
    if (!args.success) throw new Error(`${channel}: invalid arguments: ${describeIssues(args.error)}`);
    // TypeScript widens the parsed value to the union of all channels' args; it is this channel's by construction.
    const result = contract.result.safeParse(
      await handler(args.data as IpcArgs<C>, { senderId: event.sender.id }),
    );
    if (!result.success) {
      deps.log.error(`${channel}: handler returned an invalid result`, result.error);
      throw new Error(`${channel}: invalid result: ${describeIssues(result.error)}`);
    }
    return result.data;
  });
}
