// A minimal client of the sync API for the benchmark's Node side (the same requests the desk sends): log in,
// pull everything, push mutations. Used to read the world the browser sees, for the naive baselines measured
// in Node, and by the load process.
import { randomBytes } from 'node:crypto';
import type { CaseView } from '../shared/schemas/case';
import type { Person } from '../shared/schemas/directory';
import type { LoginResponse } from '../shared/schemas/auth';
import {
  PROTOCOL_VERSION,
  type MutationEnvelope,
  type PullResponse,
  type PushResponse,
} from '../shared/sync/protocol';

export const PASSWORD = 'desk2026';

export const newClientId = (prefix = 'bench'): string => `${prefix}-${randomBytes(9).toString('hex')}`;

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const login = (url: string, username: string): Promise<LoginResponse> =>
  post<LoginResponse>(url, '/api/auth/login', { username, password: PASSWORD });

export interface PulledWorld {
  cases: Map<string, CaseView>;
  people: Map<string, Person>;
  cursor: string | null;
  pages: number;
}

export class ApiClient {
  cursor: string | null = null;
  private nextId = 1;
  constructor(
    readonly url: string,
    readonly token: string,
    readonly clientId = newClientId(),
  ) {}

  pullPage(limit = 2000): Promise<PullResponse> {
    return post<PullResponse>(
      this.url,
      '/api/sync/pull',
      { clientId: this.clientId, cursor: this.cursor, limit, protocolVersion: PROTOCOL_VERSION },
      this.token,
    );
  }

  /** Pulls until the server has nothing more, folding the changes into `into`. */
  async pullAll(into: PulledWorld = emptyWorld(), limit = 2000): Promise<PulledWorld> {
    for (;;) {
      const page = await this.pullPage(limit);
      if (page.type === 'reset') {
        this.cursor = null;
        into.cases.clear();
        continue;
      }
      into.pages++;
      for (const change of page.changes) {
        if (change.op === 'del') {
          if (change.kind === 'case') into.cases.delete(change.id);
        } else if (change.kind === 'case') into.cases.set(change.value.id, change.value);
        else if (change.kind === 'person') into.people.set(change.value.id, change.value);
      }
      this.cursor = page.cursor;
      into.cursor = page.cursor;
      if (!page.hasMore) return into;
    }
  }

  /** Pushes mutations numbered from this client's next id. */
  push(mutations: Omit<MutationEnvelope, 'id' | 'clientTime'>[]): Promise<PushResponse> {
    const numbered = mutations.map((m) => ({ ...m, id: this.nextId++, clientTime: Date.now() }));
    return post<PushResponse>(
      this.url,
      '/api/sync/push',
      { clientId: this.clientId, protocolVersion: PROTOCOL_VERSION, mutations: numbered },
      this.token,
    );
  }
}

export const emptyWorld = (): PulledWorld => ({
  cases: new Map(),
  people: new Map(),
  cursor: null,
  pages: 0,
});
