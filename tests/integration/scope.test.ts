import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cases } from '../../server/db/schema';
import { BACKENDS } from '../support/backends';
import { startHarness, type Harness } from '../support/harness';
import { OTHER_COORDINATOR, OTHER_WAREHOUSE } from '../support/second-warehouse';

describe.each(BACKENDS)('warehouse scope ($name)', (backend) => {
  let h: Harness;
  let foreignCaseId: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    const [foreign] = await h.db.select().from(cases).where(eq(cases.warehouseId, OTHER_WAREHOUSE));
    foreignCaseId = foreign!.id;
  });
  afterAll(() => h.close());

  it("answers 404 for another warehouse's case, exactly as for a missing one", async () => {
    const { token } = await h.login('zhangwei');
    const foreign = await h.request('GET', `/api/cases/${foreignCaseId}`, { token });
    const missing = await h.request('GET', '/api/cases/no-such-case', { token });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    const own = await h.login(OTHER_COORDINATOR.username, OTHER_COORDINATOR.password);
    expect((await h.request('GET', `/api/cases/${foreignCaseId}`, { token: own.token })).status).toBe(200);
  });

  it("pulls only the user's own warehouses", async () => {
    const { token } = await h.login('zhangwei');
    const { changes } = await h.pullAll(token, 'scope-client-1');
    const warehouses = new Set(
      changes.flatMap((c) => (c.op === 'put' && 'warehouseId' in c.value ? [c.value.warehouseId] : [])),
    );
    expect([...warehouses]).toEqual(['wh-hz-xs-1']);
    expect(changes.some((c) => c.op === 'put' && c.kind === 'case' && c.value.id === foreignCaseId)).toBe(
      false,
    );
  });

  it("refuses a mutation on another warehouse's case as not found, and still advances the client", async () => {
    const { token } = await h.login('zhangwei');
    const res = await h.push(token, 'scope-client-2', [
      { id: 1, name: 'claimCase', args: { caseId: foreignCaseId, baseVersion: 0 } },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      lastMutationId: 1,
      results: [{ id: 1, status: 'refused', refusal: { code: 'not_found' } }],
    });
    const [after] = await h.db.select().from(cases).where(eq(cases.id, foreignCaseId));
    expect(after?.assigneeId).toBeNull();
  });
});
