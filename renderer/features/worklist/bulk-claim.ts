// Bulk claim (W3): one claimCase per ticked case, each on the version the desk shows now, through the outbox
// like every action. Cases that are closed, or that a colleague holds (for a coordinator), are left alone rather
// than queued to be refused.
import { canOverride } from '../../../shared/rules/permissions';
import type { Actor } from '../../../shared/mutators/types';
import type { LocalStore } from '../../data/local-store';
import { translator } from '../../i18n/format';
import { useDesk } from '../../state/store';

export interface BulkResult {
  claimed: number;
  skipped: number;
}

export async function claimAll(store: LocalStore, actor: Actor, ids: Iterable<string>): Promise<BulkResult> {
  let claimed = 0;
  let skipped = 0;
  for (const id of ids) {
    const c = store.memory.caseView(id);
    const heldByOther = Boolean(c?.assigneeId) && c?.assigneeId !== actor.userId;
    if (!c || c.status !== 'open' || (heldByOther && !canOverride(actor))) {
      skipped++;
      continue;
    }
    if (c.assigneeId === actor.userId) continue;
    await store.enqueue('claimCase', { caseId: c.id, baseVersion: c.version });
    claimed++;
  }
  return { claimed, skipped };
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
