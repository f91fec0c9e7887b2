import { describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../shared/schemas/auth';
import { sampleCase } from '../../../shared/test-data';
import { translator } from '../../i18n/format';
import { buildCommands, matchCommands, type CommandActions, type CommandContext } from './commands';

const coordinator: SessionUser = {
  id: 'u-zhangwei',
  username: 'zhangwei',
  displayName: '张伟',
  role: 'coordinator',
  warehouseIds: ['wh-1'],
};
const lead: SessionUser = { ...coordinator, id: 'u-lina', username: 'lina', role: 'lead' };

function context(overrides: Partial<CommandContext> = {}): CommandContext {
  const fns: Record<string, unknown> = {};
  const actions = new Proxy(fns, {
    get: (target, name: string) => (target[name] ??= vi.fn()),
  }) as unknown as CommandActions;
  return {
    t: translator('zh-CN'),
    user: coordinator,
    selected: sampleCase({ id: 'c1' }),
    checkedCount: 0,
    buckets: [{ bucket: 'overdue', label: '已逾期' }],
    views: [],
    actions,
    ...overrides,
  };
}

const byId = (ctx: CommandContext) => new Map(buildCommands(ctx).map((c) => [c.id, c]));

describe('command palette commands', () => {
  it('reaches every case action, the buckets and the app', () => {
    const ids = [...byId(context({ user: lead })).keys()];
    for (const id of [
      'case.claim',
      'case.release',
      'case.resolve',
      'case.delay',
      'case.contact',
      'case.compensate',
      'case.reopen',
      'case.switchCarrier',
      'case.assignPicker',
      'case.reassign',
      'case.note',
      'go.bucket.overdue',
      'app.language',
      'app.theme',
      'app.outbox',
      'app.logout',
    ])
      expect(ids).toContain(id);
  });

  it('offers picker assignment and reassignment to leads only', () => {
    const ids = [...byId(context()).keys()];
    expect(ids).not.toContain('case.assignPicker');
    expect(ids).not.toContain('case.reassign');
  });

  it('says why a case action cannot run', () => {
    const none = byId(context({ selected: undefined }));
    expect(none.get('case.claim')?.disabledReason).toBe('先在列表中选择一个案件');
    const held = byId(context({ selected: sampleCase({ assigneeId: 'u-wangfang' }) }));
    expect(held.get('case.claim')?.disabledReason).toBe('已由他人负责');
    expect(held.get('case.release')?.disabledReason).toBe('已由他人负责');
    const mine = byId(context({ selected: sampleCase({ assigneeId: 'u-zhangwei' }) }));
    expect(mine.get('case.claim')?.disabledReason).toBe('已由你负责');
    expect(mine.get('case.release')?.disabledReason).toBeNull();
    const resolved = byId(context({ selected: sampleCase({ status: 'resolved' }) }));
    expect(resolved.get('case.resolve')?.disabledReason).toBe('案件已结束');
    expect(resolved.get('case.reopen')?.disabledReason).toBeNull();
    const closed = byId(context({ selected: sampleCase({ status: 'closed' }) }));
    expect(closed.get('case.reopen')?.disabledReason).toBe('订单已发出或取消，案件已自动关闭');
    // A lead may take a colleague's case.
    const leadHeld = byId(context({ user: lead, selected: sampleCase({ assigneeId: 'u-wangfang' }) }));
    expect(leadHeld.get('case.claim')?.disabledReason).toBeNull();
  });

  it('runs simple actions directly and opens the case panel dialogs for the rest', () => {
    const ctx = context();
    const commands = byId(ctx);
    commands.get('case.claim')!.run();
    expect(ctx.actions.claim).toHaveBeenCalledWith(ctx.selected);
    commands.get('case.contact')!.run();
    expect(ctx.actions.openDialog).toHaveBeenCalledWith('contact');
  });

  it('lists bulk actions only while cases are ticked', () => {
    expect(byId(context()).has('selection.claim')).toBe(false);
    expect(byId(context({ checkedCount: 3 })).get('selection.claim')?.label).toBe('认领选中的 3 个案件');
  });

  it('matches Chinese labels and English keywords, enabled and best matches first', () => {
    const commands = buildCommands(context({ checkedCount: 2 }));
    expect(matchCommands(commands, '认领')[0]?.id).toBe('case.claim');
    expect(matchCommands(commands, 'contact')[0]?.id).toBe('case.contact');
    expect(matchCommands(commands, '已逾期').map((c) => c.id)).toEqual(['go.bucket.overdue']);
    expect(matchCommands(commands, 'zzz')).toEqual([]);
    const none = buildCommands(context({ selected: undefined, checkedCount: 2 }));
    expect(matchCommands(none, '认领').map((c) => c.id)).toEqual([
      'selection.claim',
      'go.unassigned',
      'case.claim',
    ]);
  });
});
