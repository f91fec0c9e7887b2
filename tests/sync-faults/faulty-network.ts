// The wire between a desk and the server, with faults on demand: the kinds of trouble sync engines meet in
// the field (lost requests, responses lost after the server committed, bodies cut off after the headers,
// duplicates, delays and reordering, 5xx/503 with Retry-After, 401, 413). Requests go to whatever server is
// current, so the server can restart underneath a client.
export type Fault =
  | 'drop-request'
  | 'drop-response'
  | 'cut-body'
  | 'duplicate'
  | 'delay'
  | 'server-error'
  | 'unavailable'
  | 'unauthorized'
  | 'too-large';

export const FAULTS: readonly Fault[] = [
  'drop-request',
  'drop-response',
  'cut-body',
  'duplicate',
  'delay',
  'server-error',
  'unavailable',
  'unauthorized',
  'too-large',
];

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export class FaultyNetwork {
  online = true;
  private queued: Fault[] = [];
  readonly log: string[] = [];
  /** Called when a fault hits a push (used to "reload the client" while its push is in flight). */
  onPushFault: ((fault: Fault) => void) | null = null;

  constructor(private readonly server: () => string) {}

  inject(fault: Fault): void {
    this.queued.push(fault);
  }

  get hasQueued(): boolean {
    return this.queued.length > 0;
  }

  clear(): void {
    this.queued = [];
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = this.server() + new URL(raw).pathname;
    if (!this.online) throw new TypeError('offline');
    const isSync = /\/api\/sync\/(push|pull)$/.test(url);
    const fault = isSync ? this.queued.shift() : undefined;
    this.log.push(`${fault ?? 'ok'} ${new URL(url).pathname}`);
    if (fault && url.endsWith('/push')) this.onPushFault?.(fault);
    switch (fault) {
      case 'drop-request':
        throw new TypeError('network error (request lost)');
      case 'server-error':
        return json(500, { error: 'internal', message: 'injected failure' });
      case 'unavailable':
        return json(503, { error: 'unavailable', message: 'injected overload' }, { 'retry-after': '0' });
      case 'unauthorized':
        return json(401, { error: 'unauthorized', message: 'injected expiry' });
      case 'too-large':
        return json(413, { error: 'payload_too_large', message: 'injected limit' });
      case 'delay':
        // A slow answer: other requests (a second window, a retry) may overtake it.
        await new Promise((r) => setTimeout(r, 30));
        return fetch(url, init);
      case 'duplicate': {
        // The request reaches the server twice (a proxy retried it); the client sees the second answer.
        await fetch(url, init).then((r) => r.text());
        return fetch(url, init);
      }
      case 'drop-response': {
        await fetch(url, init).then((r) => r.text());
        throw new TypeError('network error (response lost after the server committed)');
      }
      case 'cut-body': {
        // The headers arrive and the connection breaks in the body (a desk may already act on the headers).
        const res = await fetch(url, init);
        await res.arrayBuffer();
        const body = new ReadableStream<Uint8Array>({
          start: (controller) => controller.error(new TypeError('connection reset in the body')),
        });
        return new Response(body, { status: res.status, headers: res.headers });
      }
      default:
        return fetch(url, init);
    }
  };
}
