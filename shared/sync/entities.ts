// What syncs down, entity by entity. The order of ENTITY_KINDS is part of the pull cursor (ties within one
// server version are broken by kind, then id), so append new kinds at the end.
import { z } from 'zod';
import { CaseEvent, CaseView } from '../schemas/case';
import { Courier, Person, Picker, Warehouse, Zone } from '../schemas/directory';
import { Id } from '../schemas/primitives';
import { RiskFlag } from '../schemas/risk';

export const ENTITY_KINDS = [
  'warehouse',
  'zone',
  'person',
  'picker',
  'courier',
  'case',
  'event',
  'risk',
] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

export interface EntityValues {
  warehouse: Warehouse;
  zone: Zone;
  person: Person;
  picker: Picker;
  courier: Courier;
  case: CaseView;
  event: CaseEvent;
  risk: RiskFlag;
}

const put = <K extends EntityKind, S extends z.ZodType>(kind: K, value: S) =>
  z.object({ op: z.literal('put'), kind: z.literal(kind), value });

export const Change = z.union([
  put('warehouse', Warehouse),
  put('zone', Zone),
  put('person', Person),
  put('picker', Picker),
  put('courier', Courier),
  put('case', CaseView),
  put('event', CaseEvent),
  put('risk', RiskFlag),
  z.object({ op: z.literal('del'), kind: EntityKind, id: Id }),
]);
export type Change = z.infer<typeof Change>;
export type PutChange = Extract<Change, { op: 'put' }>;
