// The review, forecast and planning areas read server computations (they need the whole warehouse's history)
// and leads change warehouse settings, flags and promotions over REST. Unlike case actions these are not
// queued offline: they need the server now, and say so when it cannot be reached.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useRuntime } from '../../app/runtime-context';
import { useDesk } from '../../state/store';

export class RemoteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  get offline(): boolean {
    return this.status === 0;
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Send = <T>(method: Method, path: string, body?: unknown) => Promise<T>;

/** A function that calls the desk's server with the session's token. */
export function useServer(): Send {
  const runtime = useRuntime();
  return useMemo<Send>(
    () =>
      async <T>(method: Method, path: string, body?: unknown): Promise<T> => {
        const headers: Record<string, string> = {};
        const token = runtime.token();
        if (token) headers.authorization = `Bearer ${token}`;
        if (body !== undefined) headers['content-type'] = 'application/json';
        let res: Response;
        try {
          res = await fetch(runtime.api.baseUrl + path, {
            method,
            headers,
            ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
            signal: AbortSignal.timeout(60_000),
          });
        } catch (err) {
          throw new RemoteError(0, 'network', (err as Error).message);
        }
        const text = await res.text();
        let parsed: unknown = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON: keep the status text.
        }
        if (res.ok) return parsed as T;
        if (res.status === 401) useDesk.getState().setSessionExpired(true);
        const error = parsed as { error?: string; message?: string } | null;
        throw new RemoteError(
          res.status,
          error?.error ?? `http_${res.status}`,
          error?.message ?? res.statusText,
        );
      },
    [runtime],
  );
}

export interface Remote<T> {
  data: T | null;
  error: RemoteError | null;
  loading: boolean;
  /** When the data shown was fetched (desk clock). */
  loadedAt: number | null;
  reload: () => void;
}

/** GETs `path` (null: nothing yet) and again whenever it changes or `reload` is called. */
export function useRemote<T>(path: string | null): Remote<T> {
  const send = useServer();
  const [attempt, setAttempt] = useState(0);
  // Which request the state answers: loading is derived (the answer is for another path or attempt), so the
  // effect only writes state from the request's callbacks, and the last data stays on screen while reloading.
  const key = path === null ? null : `${attempt} ${path}`;
  const [state, setState] = useState<{
    key: string | null;
    data: T | null;
    error: RemoteError | null;
    loadedAt: number | null;
  }>({ key: null, data: null, error: null, loadedAt: null });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    const answers = `${attempt} ${path}`;
    send<T>('GET', path).then(
      (data) => live && setState({ key: answers, data, error: null, loadedAt: Date.now() }),
      (err: unknown) =>
        live &&
        setState((s) => ({
          ...s,
          key: answers,
          error: err instanceof RemoteError ? err : new RemoteError(0, 'error', String(err)),
        })),
    );
    return () => {
      live = false;
    };
  }, [send, path, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const loading = key !== null && state.key !== key;
  return {
    data: state.data,
    error: loading ? null : state.error,
    loading,
    loadedAt: state.loadedAt,
    reload,
  };
}
