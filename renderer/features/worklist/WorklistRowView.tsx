// One row of the worklist grid: tick box, priority (or the status of a closed case), live countdown, order,
// goods, customer and who holds the case. Memoised: a row re-renders only when its own inputs change. Plain
// elements with the static classes of row-styles.tsx (why: there).
import { memo, type MouseEvent } from 'react';
import { PLATFORM_LABELS } from '../../../shared/i18n/labels';
import { formatCountdown, formatDateTime } from '../../i18n/format';
import type { Translate } from '../../i18n/format';
import type { Locale } from '../../../shared/i18n/labels';
import type { RankedCase } from '../../data/ranking';
import { chipClass, ROW_CLASS, type ChipTone } from './row-styles';

const BUCKET_TONE: Record<RankedCase['bucket'], ChipTone> = {
  overdue: 'error',
  due_4h: 'warning',
  due_12h: 'info',
  due_24h: 'default',
  later: 'default',
};

const ignoreChange = (): void => {};

interface Props {
  row: RankedCase;
  index: number;
  now: number;
  selected: boolean;
  checked: boolean;
  pending: boolean;
  assignee: string | null;
  locale: Locale;
  t: Translate;
  onSelect: (id: string) => void;
  onCheck: (id: string, range: boolean) => void;
}

export const rowDomId = (caseId: string): string => `worklist-row-${caseId}`;

export const WorklistRowView = memo(function WorklistRowView({
  row,
  index,
  now,
  selected,
  checked,
  pending,
  assignee,
  locale,
  t,
  onSelect,
  onCheck,
}: Props) {
  const { c } = row;
  const open = c.status === 'open';
  const overdue = open && row.bucket === 'overdue';
  return (
    <div
      role="row"
      id={rowDomId(c.id)}
      className={ROW_CLASS}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-case-id={c.id}
      onClick={() => onSelect(c.id)}
    >
      <div role="gridcell">
        <input
          type="checkbox"
          className="wl-check"
          checked={checked}
          tabIndex={-1}
          aria-label={t('select.row', { order: c.platformOrderId })}
          // The click decides (it knows Shift for a range); the change is then shown from the store.
          onChange={ignoreChange}
          onClick={(e: MouseEvent) => {
            e.stopPropagation();
            onCheck(c.id, e.shiftKey);
          }}
        />
      </div>
      <div role="gridcell">
        {open ? (
          <span className={chipClass(BUCKET_TONE[row.bucket], overdue)}>{row.score}</span>
        ) : (
          <span className={chipClass('default', false)}>{t(`status.${c.status}`)}</span>
        )}
      </div>
      <div
        role="gridcell"
        className={overdue ? 'wl-cell wl-overdue' : open ? 'wl-cell' : 'wl-cell wl-secondary'}
      >
        {open ? formatCountdown(c.shipBy, now, t) : formatDateTime(c.closedAt ?? c.shipBy, locale)}
      </div>
      <div role="gridcell" className="wl-cell">
        {PLATFORM_LABELS[c.platform][locale]} · {c.platformOrderId}
      </div>
      <div role="gridcell" className="wl-cell" title={c.order.items.map((i) => i.name).join('、')}>
        {c.order.category} · {c.order.items[0]?.name}
      </div>
      <div role="gridcell" className="wl-cell">
        {c.order.customerName} · {c.order.city}
      </div>
      <div role="gridcell" className="wl-cell wl-assignee">
        <span className={assignee ? undefined : 'wl-secondary'}>{assignee ?? '—'}</span>
        {pending && (
          <span className={`${chipClass('warning', false)} wl-chip-small`}>{t('case.pending')}</span>
        )}
      </div>
    </div>
  );
});
