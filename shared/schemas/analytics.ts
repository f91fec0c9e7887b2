// What the review, handover and capacity-plan routes answer (server/analytics/*.ts computes them, the desk's
// review and surge areas read them).

export type BreakdownDimension = 'category' | 'platform' | 'courier' | 'region' | 'zone';
export const BREAKDOWN_DIMENSIONS: readonly BreakdownDimension[] = [
  'category',
  'platform',
  'courier',
  'region',
  'zone',
];

export interface Breakdown {
  /** The category, platform, carrier name, region or zone name; '—' where the order has none. */
  key: string;
  cases: number;
  overdue: number;
  late: number;
  lateRate: number;
}

export interface Dashboard {
  period: { from: number; to: number; timezone: string };
  overdueRate: { day: string; dueOrders: number; overdueCases: number; rate: number }[];
  causePareto: { cause: string; count: number; share: number; cumulative: number }[];
  breakdowns: Record<BreakdownDimension, Breakdown[]>;
  heatmap: { weekday: number; hour: number; breaches: number }[];
  timeToResolve: { cases: number; medianMinutes: number | null; p90Minutes: number | null };
  compensation: {
    offers: number;
    approvedFen: number;
    pendingFen: number;
    byType: { type: string; count: number; fen: number }[];
  };
  penalties: { avoidedFen: number; incurredFen: number };
  platformScores: {
    platform: string;
    orders: number;
    shippedWithin48h: number;
    pickedUpWithin72h: number;
    threshold: number;
  }[];
}

export interface Handover {
  period: { from: number; to: number };
  cameIn: number;
  closed: { resolved: number; shipped: number; shippedLate: number; cancelled: number };
  actions: { kind: string; actor: string | null; count: number }[];
  stillOpen: {
    caseId: string;
    platformOrderId: string;
    shipBy: number;
    overdue: boolean;
    holder: string | null;
    /** The last note or action text: why it is still open, in the coordinator's words. */
    lastWord: string | null;
  }[];
  byHolder: { holder: string | null; open: number }[];
}

export interface CapacityPlan {
  promotion: { id: string; name: string; paidFrom: number; paidUntil: number; shipBy: number } | null;
  normalOrdersPerDay: number;
  expectedOrdersPerDay: number;
  zones: {
    zoneId: string;
    pickers: number;
    capacityPerDay: number;
    expectedPerDay: number;
    extraPickerShifts: number;
  }[];
}
