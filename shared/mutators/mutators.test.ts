import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleCase } from '../test-data';
import { parseMutation } from './registry';
import type { Actor, MutatorContext } from './types';

const zhang: Actor = { userId: 'u-zhang', role: 'coordinator', warehouseIds: ['wh-1'] };
const wang: Actor = { userId: 'u-wang', role: 'coordinator', warehouseIds: ['wh-1'] };
const lead: Actor = { userId: 'u-lead', role: 'lead', warehouseIds: ['wh-1'] };
const ctx = (actor: Actor, n = 1): MutatorContext => ({
  actor,
  now: 1_000_000 + n,
  mutationKey: `client:${n}`,
});

function run(name: string, args: unknown, c = sampleCase(), context = ctx(zhang)) {
  const parsed = parseMutation(name, args);
  if ('refusal' in parsed) return { ok: false as const, refusal: parsed.refusal };
  if (parsed.target !== 'case') throw new Error(`${name} does not act on a case`);
  return parsed.mutator.apply(c, parsed.args, context);
}

const NOTE_ID = '00000000-0000-4000-8000-000000000001';

describe('mutators', () => {
  it('claims an open case and records who and when', () => {
    const out = run('claimCase', { caseId: 'case-1', baseVersion: 0 });
    expect(out).toMatchObject({
      ok: true,
      next: { assigneeId: 'u-zhang', claimedAt: 1_000_001, version: 1 },
    });
    expect(out.ok && out.events).toEqual([{ id: 'client:1', kind: 'claimed', text: null }]);
  });

  it("refuses a claim on a colleague's case as a conflict naming them, but lets a lead take it", () => {
    const held = sampleCase({ assigneeId: 'u-wang', claimedAt: 500, version: 3 });
    expect(run('claimCase', { caseId: 'case-1', baseVersion: 0 }, held)).toEqual({
      ok: false,
      refusal: { code: 'conflict', message: 'case already claimed by someone else', by: 'u-wang', at: 500 },
    });
    expect(run('claimCase', { caseId: 'case-1', baseVersion: 3 }, held, ctx(lead))).toMatchObject({
      ok: true,
      next: { assigneeId: 'u-lead' },
    });
  });

  it('refuses actions on closed cases but still takes notes', () => {
    const closed = sampleCase({ status: 'closed', closedAt: 42 });
    expect(run('claimCase', { caseId: 'case-1', baseVersion: 0 }, closed)).toMatchObject({
      ok: false,
      refusal: { code: 'case_closed' },
    });
    expect(
      run('resolveCase', { caseId: 'case-1', cause: 'weather', outcome: 'saved' }, closed),
    ).toMatchObject({ ok: false });
    expect(run('addNote', { caseId: 'case-1', noteId: NOTE_ID, text: '复盘：暴雨' }, closed)).toMatchObject({
      ok: true,
    });
  });

  it('requires a cause and an outcome from the taxonomy to resolve', () => {
    expect(run('resolveCase', { caseId: 'case-1', outcome: 'saved' })).toMatchObject({
      ok: false,
      refusal: { code: 'invalid' },
    });
    expect(run('resolveCase', { caseId: 'case-1', cause: 'gremlins', outcome: 'saved' })).toMatchObject({
      ok: false,
      refusal: { code: 'invalid' },
    });
    const out = run('resolveCase', {
      caseId: 'case-1',
      cause: 'out_of_stock',
      outcome: 'delay_agreed',
      note: '  调货中 ',
    });
    expect(out).toMatchObject({
      ok: true,
      next: { status: 'resolved', cause: 'out_of_stock', outcome: 'delay_agreed', assigneeId: 'u-zhang' },
    });
    expect(out.ok && out.events[0]?.text).toBe('调货中');
  });

  it('lets only the holder (or a lead) release a case', () => {
    const held = sampleCase({ assigneeId: 'u-zhang', claimedAt: 1 });
    expect(run('releaseCase', { caseId: 'case-1' }, held, ctx(wang))).toMatchObject({
      ok: false,
      refusal: { code: 'conflict', by: 'u-zhang' },
    });
    expect(run('releaseCase', { caseId: 'case-1' }, held)).toMatchObject({
      ok: true,
      next: { assigneeId: null },
    });
  });

  it('rejects notes that are empty or too long, and unknown actions', () => {
    expect(run('addNote', { caseId: 'case-1', noteId: NOTE_ID, text: '   ' })).toMatchObject({
      ok: false,
      refusal: { code: 'invalid' },
    });
    expect(run('addNote', { caseId: 'case-1', noteId: NOTE_ID, text: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
    });
    expect(run('deleteEverything', {})).toMatchObject({ ok: false, refusal: { code: 'unknown_mutation' } });
  });

  it('is idempotent on its own output, as the client replays pending actions on every new server state', () => {
    const action = fc.oneof(
      fc.record({ name: fc.constant('claimCase'), args: fc.constant({ caseId: 'case-1', baseVersion: 0 }) }),
      fc.record({ name: fc.constant('releaseCase'), args: fc.constant({ caseId: 'case-1' }) }),
      fc.record({
        name: fc.constant('addNote'),
        args: fc.constant({ caseId: 'case-1', noteId: NOTE_ID, text: 'n' }),
      }),
      fc.record({
        name: fc.constant('resolveCase'),
        args: fc.record({
          caseId: fc.constant('case-1'),
          cause: fc.constantFrom('weather', 'out_of_stock'),
          outcome: fc.constantFrom('saved', 'refunded'),
        }),
      }),
    );
    const start = fc.record({
      assigneeId: fc.constantFrom(null, 'u-zhang', 'u-wang'),
      status: fc.constantFrom('open' as const, 'resolved' as const, 'closed' as const),
    });
    fc.assert(
      fc.property(action, start, fc.constantFrom(zhang, wang, lead), (a, s, actor) => {
        const once = run(a.name, a.args, sampleCase(s), ctx(actor));
        if (!once.ok) return;
        const twice = run(a.name, a.args, once.next, ctx(actor));
        expect(twice.ok).toBe(true);
        if (twice.ok) expect(twice.next).toEqual(once.next);
      }),
    );
  });
});

describe('agreeDelay', () => {
  const H = 3_600_000;
  const wechat = (overrides = {}) =>
    sampleCase({ shipBy: 1_000_000 + 10 * H, delayRule: { max: 3, minLeadMinutes: 240 }, ...overrides });
  const agree = (c = wechat(), newShipBy = 1_000_000 + 30 * H, n = 1) =>
    run('agreeDelay', { caseId: 'case-1', newShipBy, note: '买家同意延后到周五发货' }, c, ctx(zhang, n));

  it('moves the deadline and records the pause with who and why', () => {
    const out = agree();
    expect(out).toMatchObject({ ok: true, next: { shipBy: 1_000_000 + 30 * H, version: 1 } });
    expect(out.ok && out.next.pauses).toEqual([
      {
        kind: 'buyer_agreed',
        at: 1_000_001,
        by: 'u-zhang',
        from: 1_000_000 + 10 * H,
        to: 1_000_000 + 30 * H,
        note: '买家同意延后到周五发货',
      },
    ]);
  });

  it('refuses a date that is not later, a fourth negotiation, or one filed too close to the deadline', () => {
    expect(agree(wechat(), 1_000_000 + 5 * H)).toMatchObject({ ok: false, refusal: { code: 'invalid' } });
    const pause = { kind: 'buyer_agreed' as const, at: 0, by: 'u', from: 0, to: 1, note: '' };
    expect(agree(wechat({ pauses: [pause, pause, pause] }))).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(agree(wechat({ shipBy: 1_000_000 + 3 * H }))).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(
      agree(wechat({ delayRule: { max: null, minLeadMinutes: null }, shipBy: 1_000_000 + 3 * H })),
    ).toMatchObject({ ok: true });
  });
});
