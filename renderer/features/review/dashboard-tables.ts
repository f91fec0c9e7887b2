// Every dashboard as a table (brief F13: "every chart has a table view"): the rows the table view shows, the
// rows the CSV/XLSX exports write, and for each row the cases behind it (drill-down). One builder, so what is
// seen, exported and drilled into always agree. Pure.
import { CAUSE_LABELS, PLATFORM_LABELS, type Locale } from '../../../shared/i18n/labels';
import type { Cause, Platform } from '../../../shared/schemas/enums';
import type { Translate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import type { DrillSpec } from './drill';
import type { BreakdownDimension, Dashboard } from '../../../shared/schemas/analytics';
import type { CellValue, ExportColumn, ExportTable } from './table-export';

export type DashboardId =
  'overdueRate' | 'causes' | `by.${BreakdownDimension}` | 'heatmap' | 'resolve' | 'money' | 'scores';

/** The breakdowns in the order the dashboards show them; the workbook's sheets follow the screen. */
export const SCREEN_BREAKDOWNS: readonly BreakdownDimension[] = [
  'platform',
  'courier',
  'category',
  'zone',
  'region',
];

export interface DrillTarget {
  spec: DrillSpec;
  /** What the figure is, for the worklist's banner ("按平台：淘宝"). */
  label: string;
}

/** A table whose rows can open the cases behind them. */
export interface DrillTable extends ExportTable {
  /** Parallel to `rows`: the cases behind each row, or null where a row has none to show. */
  drills: (DrillTarget | null)[];
}

export interface DashboardTable extends DrillTable {
  id: DashboardId;
}

export interface LabelContext {
  t: Translate;
  locale: Locale;
}

export const platformLabel = (key: string, locale: Locale): string =>
  PLATFORM_LABELS[key as Platform]?.[locale] ?? key;
export const causeLabel = (key: string, locale: Locale): string =>
  CAUSE_LABELS[key as Cause]?.[locale] ?? key;

const DIMENSION_COLUMN: Record<BreakdownDimension, MessageKey> = {
  category: 'col.category',
  platform: 'col.platform',
  courier: 'col.courier',
  region: 'col.region',
  zone: 'col.zone',
};

function table(
  id: DashboardId,
  name: string,
  columns: ExportColumn[],
  rows: { cells: CellValue[]; drill: DrillTarget | null }[],
): DashboardTable {
  return { id, name, columns, rows: rows.map((r) => r.cells), drills: rows.map((r) => r.drill) };
}

export function dashboardTables(d: Dashboard, { t, locale }: LabelContext): DashboardTable[] {
  const col = (key: MessageKey, format: ExportColumn['format']): ExportColumn => ({ label: t(key), format });
  const tables: DashboardTable[] = [];
  const title = (key: MessageKey) => t(key);

  tables.push(
    table(
      'overdueRate',
      title('dash.overdueRate'),
      [
        col('col.day', 'text'),
        col('col.dueOrders', 'int'),
        col('col.overdueCases', 'int'),
        col('col.rate', 'pct'),
      ],
      d.overdueRate.map((r) => ({
        cells: [r.day, r.dueOrders, r.overdueCases, r.rate],
        drill:
          r.overdueCases > 0
            ? {
                spec: { kind: 'overdueDay', day: r.day },
                label: t('drill.label', { name: title('dash.overdueRate'), key: r.day }),
              }
            : null,
      })),
    ),
  );

  tables.push(
    table(
      'causes',
      title('dash.causes'),
      [
        col('col.cause', 'text'),
        col('col.count', 'int'),
        col('col.share', 'pct'),
        col('col.cumulative', 'pct'),
      ],
      d.causePareto.map((r) => ({
        cells: [causeLabel(r.cause, locale), r.count, r.share, r.cumulative],
        drill: {
          spec: { kind: 'cause', cause: r.cause },
          label: t('drill.label', { name: t('col.cause'), key: causeLabel(r.cause, locale) }),
        },
      })),
    ),
  );

  tables.push(
    table(
      'heatmap',
      title('dash.heatmap'),
      [col('col.weekday', 'text'), col('col.hour', 'int'), col('col.breaches', 'int')],
      d.heatmap
        .filter((h) => h.breaches > 0)
        .map((h) => {
          const weekday = t(`weekday.${h.weekday}` as MessageKey);
          return {
            cells: [weekday, h.hour, h.breaches],
            drill: {
              spec: { kind: 'heat', weekday: h.weekday, hour: h.hour },
              label: t('heat.drill', { weekday, hour: h.hour }),
            },
          };
        }),
    ),
  );

  for (const dimension of SCREEN_BREAKDOWNS) {
    const name = title(`dash.by.${dimension}`);
    tables.push(
      table(
        `by.${dimension}`,
        name,
        [
          col(DIMENSION_COLUMN[dimension], 'text'),
          col('col.cases', 'int'),
          col('col.overdue', 'int'),
          col('col.late', 'int'),
          col('col.lateRate', 'pct'),
        ],
        d.breakdowns[dimension].map((b) => {
          const key = dimension === 'platform' ? platformLabel(b.key, locale) : b.key || '—';
          return {
            cells: [key, b.cases, b.overdue, b.late, b.lateRate],
            drill: {
              spec: { kind: 'breakdown', dimension, key: b.key },
              label: t('drill.label', { name, key }),
            },
          };
        }),
      ),
    );
  }

  const r = d.timeToResolve;
  tables.push(
    table(
      'resolve',
      title('dash.resolve'),
      [col('col.metric', 'text'), col('col.value', 'int'), col('col.minutes', 'minutes')],
      [
        {
          cells: [t('resolve.cases'), r.cases, null],
          drill: r.cases > 0 ? { spec: { kind: 'resolved' }, label: t('resolve.cases') } : null,
        },
        { cells: [t('resolve.median'), null, r.medianMinutes], drill: null },
        { cells: [t('resolve.p90'), null, r.p90Minutes], drill: null },
      ],
    ),
  );

  const money = title('dash.money');
  tables.push(
    table(
      'money',
      money,
      [col('col.metric', 'text'), col('col.amount', 'money'), col('col.times', 'int')],
      [
        ...d.compensation.byType.map((x) => {
          const typeKey: MessageKey = `comp.type.${x.type}` as MessageKey;
          const label = t('money.type', { type: t(typeKey) });
          const spec: DrillSpec = { kind: 'compensation', type: x.type };
          return { cells: [label, x.fen, x.count], drill: { spec, label } };
        }),
        { cells: [t('money.approved'), d.compensation.approvedFen, null], drill: null },
        { cells: [t('money.pending'), d.compensation.pendingFen, null], drill: null },
        {
          cells: [t('money.avoided'), d.penalties.avoidedFen, null],
          drill:
            d.penalties.avoidedFen > 0
              ? { spec: { kind: 'penalty', side: 'avoided' }, label: t('money.avoided') }
              : null,
        },
        {
          cells: [t('money.incurred'), d.penalties.incurredFen, null],
          drill:
            d.penalties.incurredFen > 0
              ? { spec: { kind: 'penalty', side: 'incurred' }, label: t('money.incurred') }
              : null,
        },
      ],
    ),
  );

  tables.push(
    table(
      'scores',
      title('dash.scores'),
      [
        col('col.platform', 'text'),
        col('col.orders', 'int'),
        col('col.within48', 'pct'),
        col('col.within72', 'pct'),
        col('col.threshold', 'pct'),
        col('col.meets', 'text'),
      ],
      d.platformScores.map((s) => {
        const name = platformLabel(s.platform, locale);
        const meets = s.shippedWithin48h >= s.threshold && s.pickedUpWithin72h >= s.threshold;
        return {
          cells: [
            name,
            s.orders,
            s.shippedWithin48h,
            s.pickedUpWithin72h,
            s.threshold,
            t(meets ? 'score.yes' : 'score.no'),
          ],
          drill: {
            spec: { kind: 'platformScore', platform: s.platform },
            label: t('score.drill', { platform: name }),
          },
        };
      }),
    ),
  );

  return tables;
}
