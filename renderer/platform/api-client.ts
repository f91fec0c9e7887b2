// HTTP to the sync server. Errors are sorted the way the sync engine must treat them: `auth` (log in again,
// keep the outbox), `retry` (network, 5xx, 503, 429: back off and try again, honouring Retry-After), `too_large`
// (split the batch) and `final` (a 4xx answer that will not change by retrying).
import { ApiError as ApiErrorBody } from '../../shared/schemas/auth';

export type ApiFailureKind = 'auth' | 'retry' | 'too_large' | 'gap' | 'final';

export class ApiFailure extends Error {
  constructor(
    readonly kind: ApiFailureKind,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs: number | null = null,
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

function retryAfter(res: Response): number | null {
  const value = res.headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

export function classify(status: number): ApiFailureKind {
  if (status === 401) return 'auth';
  if (status === 413) return 'too_large';
  if (status === 409) return 'gap';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'final';
}

/** A response whose headers are in while its body is still arriving. */
export interface EarlyResponse {
  headers: Headers;
  /** The body's text (a body cut off on the way rejects with a `retry` ApiFailure). */
  text: Promise<string>;
}

export interface ApiClient {
  baseUrl: string;
  post<T>(path: string, body: unknown, token: string | null, signal?: AbortSignal): Promise<T>;
  /** Resolves at the headers of a successful answer; failures are thrown as by post. */
  postEarly(path: string, body: unknown, token: string | null): Promise<EarlyResponse>;
  get<T>(path: string, token: string | null, signal?: AbortSignal): Promise<T>;
}

export interface ApiClientOptions {
  timeoutMs?: number;
  /** The network; tests put a fault injector here. */
  fetch?: typeof fetch;
}

export function createApiClient(baseUrl: string, options: ApiClientOptions = {}): ApiClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  /** The response of a request that succeeded; anything else thrown as an ApiFailure. */
  async function open(
    method: string,
    path: string,
    body: unknown,
    token: string | null,
    signal?: AbortSignal,
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(timeoutMs);
    let res: Response;
    try {
      res = await send(baseUrl + path, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (err) {
      throw new ApiFailure('retry', 0, 'network', `network error: ${(err as Error).message}`);
    }
    if (res.ok) return res;
    const parsed = parseJson(await res.text().catch(() => ''));
    const error = ApiErrorBody.safeParse(parsed);
    const code = error.success ? error.data.error : `http_${res.status}`;
    const message = error.success ? error.data.message : `${res.status} ${res.statusText}`;
    throw new ApiFailure(classify(res.status), res.status, code, message, retryAfter(res), parsed);
  }
  /** A body cut off on the way is a network failure (retry), never an empty answer. */
  const textOf = (res: Response): Promise<string> =>
    res.text().catch((err: unknown) => {
      throw new ApiFailure('retry', 0, 'network', `network error in the body: ${(err as Error).message}`);
    });
  const read = async <T>(res: Response): Promise<T> => parseJson(await textOf(res)) as T;
  return {
    baseUrl,
    post: async (path, body, token, signal) => read(await open('POST', path, body, token, signal)),
    async postEarly(path, body, token) {
      const res = await open('POST', path, body, token);
      const text = textOf(res);
      text.catch(() => undefined); // the caller may stop before awaiting it (an earlier page failed)
      return { headers: res.headers, text };
    },
    get: async (path, token, signal) => read(await open('GET', path, undefined, token, signal)),
  };
}
