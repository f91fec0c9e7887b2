// The fault test's world: one real server (Fastify + PGlite in a folder, so it can be restarted), three desks
// (two coordinators and a lead) that live across runs like a shift does, and per run three fresh cases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../shared/mutators/types';
import type { CaseView } from '../../shared/schemas/case';
import { CAUSES, OUTCOMES } from '../../shared/schemas/enums';
import type { SessionUser } from '../../shared/schemas/auth';
import { queryRows, type Db } from '../../server/db/open';
import { DEMO_PASSWORD } from '../../server/demo/world';
import { ingestOrders } from '../../server/orders/ingest';
import { startServer, type RunningServer } from '../../server/start';
import { readCase } from '../../server/sync/case-view';
import { Desk } from './desk';
import type { Fault } from './faulty-network';

export type Step =
  | { t: 'act'; desk: number; action: 'claim' | 'release' | 'note' | 'resolve' | 'delay'; target: number }
  | { t: 'fault'; desk: number; fault: Fault }
  | { t: 'offline' | 'online' | 'sync' | 'reload' | 'reload-mid-push'; desk: number }
  | { t: 'restart' };

const WH = 'wh-hz-xs-1';
const H = 3_600_000;

async function login(url: string, username: string): Promise<{ token: string; user: SessionUser }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (await res.json()) as { token: string; user: SessionUser };
}

export class FaultWorld {
  desks: Desk[] = [];
  private runNo = 0;

  private constructor(
    private server: RunningServer,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<FaultWorld> {
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-faults-'));
    const server = await startServer({
      database: { kind: 'pglite', dataDir },
      demo: { orders: 60 },
      engineIntervalMs: 3_600_000,
      loginFailureDelayMs: 10,
    });
    const world = new FaultWorld(server, dataDir);
    for (const [i, username] of ['zhangwei', 'wangfang', 'lina'].entries()) {
      const { token, user } = await login(server.url, username);
      world.desks.push(
        await Desk.open(
          user,
          token,
          `faults-${i}-${Date.now()}`,
          () => world.server.url,
          async () => (await login(world.server.url, username)).token,
        ),
      );
    }
    return world;
  }

  get db(): Db {
    return this.server.database.db;
  }

  async restartServer(): Promise<void> {
    const port = Number(new URL(this.server.url).port);
    await this.server.close();
    this.server = await startServer({
      database: { kind: 'pglite', dataDir: this.dataDir },
      port,
      engineIntervalMs: 3_600_000,
      loginFailureDelayMs: 10,
    });
  }

  async newRun(): Promise<Run> {
    const n = ++this.runNo;
    const now = Date.now();
    const result = await ingestOrders(
      this.db,
      WH,
      [0, 1, 2].map((k) => ({
        platform: 'wechat' as const,
        platformOrderId: `FAULT-${n}-${k}-${now}`,
        category: '服饰',
        valueFen: 10_000 * (k + 1),
        currency: 'CNY',
        items: [{ sku: 'F', name: '测试', qty: 1 }],
        customerName: '测试客户',
        customerPhone: '13800000000',
        city: '杭州',
        region: '浙江',
        zoneId: null,
        courierId: null,
        waybill: null,
        vip: false,
        paidAt: now - 40 * H,
        promisedShipBy: null,
        pickingStartedAt: null,
        pickedAt: null,
        packedAt: null,
        waybillAt: null,
        handedOverAt: null,
        cancelledAt: null,
      })),
      { now },
    );
    const orderIds = result.ids.filter((id): id is string => id !== null);
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`select id from cases where order_id = any(${sql.param(orderIds)}::text[]) order by order_id`,
    );
    const caseIds = rows.map((r) => r.id);
    for (const desk of this.desks) {
      desk.net.online = true;
      await desk.quiet();
    }
    const initial = new Map<string, CaseView>();
    for (const id of caseIds) initial.set(id, (await readCase(this.db, id, false))!);
    return new Run(this, caseIds, initial);
  }

  async close(): Promise<void> {
    for (const desk of this.desks) desk.close();
    await this.server.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface AppliedMutation {
  name: string;
  args: unknown;
  actor: Actor;
  at: number;
  key: string;
}

export class Run {
  readonly notes: { noteId: string; clientId: string; mutationId: number }[] = [];
  private counter = 0;

  constructor(
    private readonly world: FaultWorld,
    readonly caseIds: string[],
    readonly initial: Map<string, CaseView>,
  ) {}

  async perform(step: Step): Promise<void> {
    if (step.t === 'restart') return this.world.restartServer();
    const desk = this.world.desks[step.desk % this.world.desks.length]!;
    await desk.ready;
    switch (step.t) {
      case 'act':
        return this.act(desk, step.action, this.caseIds[step.target % this.caseIds.length]!);
      case 'fault':
        return desk.net.inject(step.fault);
      case 'offline':
        desk.net.online = false;
        return;
      case 'online':
        desk.net.online = true;
        desk.engine.trigger();
        return;
      case 'sync':
        desk.engine.trigger();
        await new Promise((r) => setTimeout(r, 25));
        return;
      case 'reload':
        return desk.reload();
      case 'reload-mid-push':
        // The window dies while its push is on the wire: the server may have committed, the desk never heard.
        desk.net.onPushFault = () => {
          desk.net.onPushFault = null;
          void desk.reload();
        };
        desk.net.inject('drop-response');
        desk.engine.trigger();
        await new Promise((r) => setTimeout(r, 25));
        return;
    }
  }

  private async act(
    desk: Desk,
    action: Extract<Step, { t: 'act' }>['action'],
    caseId: string,
  ): Promise<void> {
    const view = desk.store.memory.caseView(caseId);
    if (!view) return;
    const n = this.counter++;
    switch (action) {
      case 'claim':
        await desk.store.enqueue('claimCase', { caseId, baseVersion: view.version });
        return;
      case 'release':
        await desk.store.enqueue('releaseCase', { caseId });
        return;
      case 'note': {
        const noteId = crypto.randomUUID();
        const entry = await desk.store.enqueue('addNote', { caseId, noteId, text: `备注 ${n}` });
        this.notes.push({ noteId, clientId: desk.store.clientId, mutationId: entry.id });
        return;
      }
      case 'resolve':
        await desk.store.enqueue('resolveCase', {
          caseId,
          cause: CAUSES[n % CAUSES.length]!,
          outcome: OUTCOMES[n % OUTCOMES.length]!,
        });
        return;
      case 'delay':
        await desk.store.enqueue('agreeDelay', {
          caseId,
          newShipBy: view.shipBy + 6 * H,
          note: `买家同意 ${n}`,
        });
        return;
    }
  }

  /** Everyone back online with a clean wire; sync until nothing moves. */
  async quiesce(): Promise<void> {
    for (const desk of this.world.desks) {
      desk.net.online = true;
      desk.net.onPushFault = null;
      while (desk.net.hasQueued) desk.net.clear();
    }
    for (let round = 0; round < 3; round++) for (const desk of this.world.desks) await desk.quiet();
  }

  /** The mutations the server applied on a case, in the order it applied them, with what they carried. */
  async appliedOn(caseId: string): Promise<AppliedMutation[]> {
    const rows = await queryRows<{
      client_id: string;
      mutation_id: string | number;
      name: string;
      at: Date | string;
    }>(
      this.world.db,
      sql`select client_id, mutation_id, name, processed_at as at from sync_mutation_results
          where status = 'applied' order by processed_at, client_id, mutation_id`,
    );
    const out: AppliedMutation[] = [];
    for (const row of rows) {
      const desk = this.world.desks.find((d) => d.store.clientId === row.client_id);
      const entry = desk?.store.memory.outbox.find((e) => e.id === Number(row.mutation_id));
      if (!desk || !entry || entry.targetId !== caseId) continue;
      out.push({
        name: row.name,
        args: entry.args,
        actor: { userId: desk.user.id, role: desk.user.role, warehouseIds: desk.user.warehouseIds },
        at: new Date(row.at).getTime(),
        key: `${row.client_id}:${row.mutation_id}`,
      });
    }
    return out;
  }
}
