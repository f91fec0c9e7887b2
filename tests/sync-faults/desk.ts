// A simulated coordinator's desk: the renderer's real LocalStore (IndexedDB via fake-indexeddb) and SyncEngine,
// talking to the server through a FaultyNetwork. It can be reloaded mid-flight, like a window refresh or a crash:
// the in-memory state is thrown away and rebuilt from IndexedDB.
import type { SessionUser } from '../../shared/schemas/auth';
import { DeskDb } from '../../renderer/data/local-db';
import { LocalStore } from '../../renderer/data/local-store';
import { SyncEngine } from '../../renderer/data/sync-engine';
import { createApiClient } from '../../renderer/platform/api-client';
import { FaultyNetwork } from './faulty-network';

export class Desk {
  store!: LocalStore;
  engine!: SyncEngine;
  readonly net: FaultyNetwork;
  token: string;
  authExpiries = 0;
  /** Settles when a reload started behind the test's back (mid-push) has finished. */
  ready: Promise<void> = Promise.resolve();

  private constructor(
    readonly user: SessionUser,
    token: string,
    readonly dbName: string,
    server: () => string,
    private readonly login: () => Promise<string>,
  ) {
    this.token = token;
    this.net = new FaultyNetwork(server);
  }

  static async open(
    user: SessionUser,
    token: string,
    dbName: string,
    server: () => string,
    login: () => Promise<string>,
  ): Promise<Desk> {
    const desk = new Desk(user, token, dbName, server, login);
    await desk.boot();
    return desk;
  }

  private async relogin(): Promise<void> {
    for (let attempt = 0; attempt < 400; attempt++) {
      try {
        this.token = await this.login();
        this.engine.resume();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    console.error(`[sync-faults] desk ${this.user.username} could not log in again for 20 s`);
  }

  private async boot(): Promise<void> {
    this.store = await LocalStore.open(new DeskDb(this.dbName), {
      userId: this.user.id,
      role: this.user.role,
      warehouseIds: this.user.warehouseIds,
    });
    this.engine = new SyncEngine({
      api: createApiClient('http://desk.test', { fetch: this.net.fetch, timeoutMs: 10_000 }),
      store: this.store,
      getToken: () => this.token,
      onAuthExpired: () => {
        this.authExpiries++;
        // The coordinator types the password again; the outbox waits meanwhile. The server may be restarting
        // at that moment (the login is refused at the socket), so, like the person at the relogin dialog, try
        // again until it answers.
        void this.relogin();
      },
      isOnline: () => this.net.online,
      random: () => 0.5,
      fallbackPullMs: 3_600_000,
    });
    this.engine.start();
  }

  /** A reload or crash: memory is lost, IndexedDB is not. */
  reload(): Promise<void> {
    this.engine.stop();
    this.store.close();
    this.ready = this.boot();
    return this.ready;
  }

  get busy(): boolean {
    return (
      this.engine.status.phase === 'syncing' ||
      this.engine.status.phase === 'backoff' ||
      this.engine.status.phase === 'auth'
    );
  }

  /** Waits until this desk has nothing pending and its last sync finished cleanly. */
  async quiet(timeoutMs = 20_000): Promise<void> {
    await this.ready;
    const end = Date.now() + timeoutMs;
    this.engine.trigger();
    while (Date.now() < end) {
      const s = this.engine.status;
      if (s.phase === 'idle' && this.store.memory.pendingCount === 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(
      `desk ${this.user.username} did not go quiet: ${JSON.stringify(this.engine.status)} pending=${this.store.memory.pendingCount} net=${this.net.log.slice(-5).join(' | ')}`,
    );
  }

  close(): void {
    this.engine.stop();
    this.store.close();
  }
}
