// Listens to the server's Server-Sent Events with fetch (EventSource cannot send an Authorization header).
// A "poke" means "pull now". Reconnects with backoff, resumes with Last-Event-ID, and treats a silence longer
// than three heartbeats as a dead connection (proxies and sleeping laptops drop streams without a word).
import { SSE_EVENTS, SSE_HEARTBEAT_MS } from '../../shared/sync/protocol';

export interface EventStreamOptions {
  url: string;
  getToken(): string | null;
  onPoke(): void;
  onAuthExpired(): void;
  onConnectionChange?(connected: boolean): void;
  heartbeatMs?: number;
}

export interface SseMessage {
  event: string;
  data: string;
  id: string | null;
}

/** Parses complete SSE messages out of a growing text buffer; returns them and the unparsed rest. */
export function parseSse(buffer: string): { messages: SseMessage[]; rest: string } {
  const messages: SseMessage[] = [];
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length || event !== 'message') messages.push({ event, data: data.join('\n'), id });
  }
  return { messages, rest };
}

export class EventStream {
  private controller: AbortController | null = null;
  private lastEventId: string | null = null;
  private attempts = 0;
  private stopped = true;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: EventStreamOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
    if (this.timer) clearTimeout(this.timer);
  }

  /** Drop the current connection and dial again now (e.g. the network came back). */
  reconnect(): void {
    if (this.stopped) return;
    this.attempts = 0;
    this.controller?.abort();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.attempts++;
    const delay = Math.round(Math.random() * Math.min(30_000, 500 * 2 ** this.attempts));
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const token = this.options.getToken();
    const controller = new AbortController();
    this.controller = controller;
    const silence = (this.options.heartbeatMs ?? SSE_HEARTBEAT_MS) * 3;
    let watchdog: ReturnType<typeof setTimeout> | null = null;
    const feed = () => {
      if (watchdog) clearTimeout(watchdog);
      watchdog = setTimeout(() => controller.abort(), silence);
    };
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
      feed();
      const res = await fetch(this.options.url, { headers, signal: controller.signal, cache: 'no-store' });
      if (res.status === 401) {
        this.options.onAuthExpired();
        this.stopped = true;
        return;
      }
      if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
      this.attempts = 0;
      this.options.onConnectionChange?.(true);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        feed();
        const parsed = parseSse(buffer + value);
        buffer = parsed.rest;
        for (const message of parsed.messages) {
          if (message.id) this.lastEventId = message.id;
          if (message.event === SSE_EVENTS.poke) this.options.onPoke();
        }
      }
    } catch {
      // Aborted, offline or the server went away: reconnect below.
    } finally {
      if (watchdog) clearTimeout(watchdog);
      this.options.onConnectionChange?.(false);
    }
    this.scheduleReconnect();
  }
}
