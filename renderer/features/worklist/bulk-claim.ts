// Bulk claim (W3): one claimCase per ticked case, each on the version the desk shows now, through the outbox
// like every action, all in one write. Cases that are closed, or that a colleague holds (for a coordinator), are
// left alone rather than queued to be refused.
import { canOverride } from '../../../shared/rules/permissions';
import type { Actor } from '../../../shared/mutators/types';
import type { LocalStore, QueuedAction } from '../../data/local-store';
import { translator } from '../../i18n/format';
import { useDesk } from '../../state/store';

export interface BulkResult {
  claimed: number;
  skipped: number;
}

/** Queues the claims together (one outbox write, one re-render), each on the version the desk shows now. */
export async function claimAll(store: LocalStore, actor: Actor, ids: Iterable<string>): Promise<BulkResult> {
  let skipped = 0;
  const claims: QueuedAction[] = [];
  for (const id of new Set(ids)) {
    const c = store.memory.caseView(id);
    const heldByOther = Boolean(c?.assigneeId) && c?.assigneeId !== actor.userId;
    if (!c || c.status !== 'open' || (heldByOther && !canOverride(actor))) {
      skipped++;
      continue;
    }
    if (c.assigneeId === actor.userId) continue;
    claims.push({ name: 'claimCase', args: { caseId: c.id, baseVersion: c.version } });
  }
  await store.enqueueAll(claims);
  return { claimed: claims.length, skipped };
}

/** Claims every ticked case, clears the ticks and says what happened. */
export async function claimChecked(store: LocalStore, actor: Actor): Promise<BulkResult> {
  const desk = useDesk.getState();
  const result = await claimAll(store, actor, [...desk.checkedIds]);
  const t = translator(useDesk.getState().locale);
  desk.setChecked(new Set(), null);
  desk.showToast(
    result.skipped
      ? {
          severity: 'warning',
          text: t('bulk.claimSkipped', { count: result.claimed, skipped: result.skipped }),
        }
      : { severity: 'success', text: t('bulk.claimDone', { count: result.claimed }) },
  );
  return result;
}
