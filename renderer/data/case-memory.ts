// The in-memory picture the UI reads: the server's state (base) as last pulled, plus every action the server
// has not yet reflected replayed on top (the overlay). This is the client half of "rebase": whenever either
// side changes, the overlay is rebuilt from base + outbox, so a refused action never lingers as applied and an
// accepted one never shows twice.
import { parseMutation } from '../../shared/mutators/registry';
import type { Actor } from '../../shared/mutators/types';
import type { CaseEvent, CaseView } from '../../shared/schemas/case';
import type { Courier, Person, Picker, Warehouse, Zone } from '../../shared/schemas/directory';
import type { RiskFlag } from '../../shared/schemas/risk';
import type { Change } from '../../shared/sync/entities';
import type { Refusal } from '../../shared/sync/protocol';
import type { OutboxEntry } from './outbox-entry';

export interface Directory {
  warehouse: Map<string, Warehouse>;
  zone: Map<string, Zone>;
  person: Map<string, Person>;
  picker: Map<string, Picker>;
  courier: Map<string, Courier>;
  risk: Map<string, RiskFlag>;
}

export type DirectoryKind = keyof Directory;

const emptyDirectory = (): Directory => ({
  warehouse: new Map(),
  zone: new Map(),
  person: new Map(),
  picker: new Map(),
  courier: new Map(),
  risk: new Map(),
});

export class CaseMemory {
  readonly cases = new Map<string, CaseView>();
  private readonly events = new Map<string, CaseEvent>();
  private readonly eventsByCase = new Map<string, Set<string>>();
  directory: Directory = emptyDirectory();
  outbox: OutboxEntry[] = [];
  /** The highest mutation id the last pull said the server state includes. */
  confirmedMutationId = 0;

  private overlay = new Map<string, CaseView>();
  private pickerOverlay = new Map<string, Picker>();
  private overlayEvents = new Map<string, CaseEvent[]>();
  private pendingByCase = new Map<string, OutboxEntry[]>();
  /** Actions the local replay already expects the server to refuse (e.g. someone else claimed first). */
  readonly predicted = new Map<number, Refusal>();
  /** Bumped on every change; React subscribes to it. */
  version = 0;

  constructor(
    private actor: Actor,
    private readonly clientId: string,
  ) {}

  setActor(actor: Actor): void {
    this.actor = actor;
  }

  clearBase(): void {
    this.cases.clear();
    this.events.clear();
    this.eventsByCase.clear();
    this.directory = emptyDirectory();
  }

  private putEvent(e: CaseEvent): void {
    this.events.set(e.id, e);
    let set = this.eventsByCase.get(e.caseId);
    if (!set) this.eventsByCase.set(e.caseId, (set = new Set()));
    set.add(e.id);
  }

  private deleteEvent(id: string): void {
    const e = this.events.get(id);
    if (!e) return;
    this.events.delete(id);
    this.eventsByCase.get(e.caseId)?.delete(id);
  }

  applyChanges(changes: readonly Change[]): void {
    for (const change of changes) {
      if (change.op === 'del') {
        if (change.kind === 'case') this.cases.delete(change.id);
        else if (change.kind === 'event') this.deleteEvent(change.id);
        else this.directory[change.kind].delete(change.id);
        continue;
      }
      switch (change.kind) {
        case 'case':
          this.cases.set(change.value.id, change.value);
          break;
        case 'event':
          this.putEvent(change.value);
          break;
        case 'warehouse':
          this.directory.warehouse.set(change.value.id, change.value);
          break;
        case 'zone':
          this.directory.zone.set(change.value.id, change.value);
          break;
        case 'person':
          this.directory.person.set(change.value.id, change.value);
          break;
        case 'picker':
          this.directory.picker.set(change.value.id, change.value);
          break;
        case 'courier':
          this.directory.courier.set(change.value.id, change.value);
          break;
        case 'risk':
          this.directory.risk.set(change.value.id, change.value);
          break;
      }
    }
  }

  loadBase(cases: readonly CaseView[], events: readonly CaseEvent[], directory: readonly Change[]): void {
    for (const c of cases) this.cases.set(c.id, c);
    for (const e of events) this.putEvent(e);
    this.applyChanges(directory);
  }

  /** Replays every action the server has not reflected yet, in mutation order, on top of base. */
  rebuildOverlay(): void {
    this.overlay = new Map();
    this.pickerOverlay = new Map();
    this.overlayEvents = new Map();
    this.pendingByCase = new Map();
    this.predicted.clear();
    for (const entry of this.outbox) {
      if (entry.status === 'refused' || entry.id <= this.confirmedMutationId) continue;
      const parsed = parseMutation(entry.name, entry.args);
      if ('refusal' in parsed) {
        this.predicted.set(entry.id, parsed.refusal);
        continue;
      }
      const ctx = { actor: this.actor, now: entry.clientTime, mutationKey: `${this.clientId}:${entry.id}` };
      if (parsed.target === 'picker') {
        const current = this.pickerOverlay.get(entry.targetId) ?? this.directory.picker.get(entry.targetId);
        if (!current) continue;
        const outcome = parsed.mutator.apply(current, parsed.args, ctx);
        if (outcome.ok) this.pickerOverlay.set(entry.targetId, outcome.next);
        else this.predicted.set(entry.id, outcome.refusal);
        continue;
      }
      const list = this.pendingByCase.get(entry.targetId) ?? [];
      list.push(entry);
      this.pendingByCase.set(entry.targetId, list);
      const current = this.overlay.get(entry.targetId) ?? this.cases.get(entry.targetId);
      if (!current) continue;
      const outcome = parsed.mutator.apply(current, parsed.args, ctx);
      if (!outcome.ok) {
        this.predicted.set(entry.id, outcome.refusal);
        continue;
      }
      this.overlay.set(entry.targetId, outcome.next);
      if (outcome.events.length) {
        const events = this.overlayEvents.get(entry.targetId) ?? [];
        for (const e of outcome.events) {
          events.push({
            id: e.id,
            caseId: entry.targetId,
            warehouseId: current.warehouseId,
            kind: e.kind,
            actorId: this.actor.userId,
            at: entry.clientTime,
            text: e.text,
            detail: e.detail ?? null,
          });
        }
        this.overlayEvents.set(entry.targetId, events);
      }
    }
    this.version++;
  }

  /** A picker as the user should see them (pending floor actions included). */
  pickerView(id: string): Picker | undefined {
    return this.pickerOverlay.get(id) ?? this.directory.picker.get(id);
  }

  /** Every picker as the user should see them. */
  allPickers(): Picker[] {
    return [...this.directory.picker.values()].map((p) => this.pickerOverlay.get(p.id) ?? p);
  }

  /** Every synced event (for snapshots). */
  allEvents(): CaseEvent[] {
    return [...this.events.values()];
  }

  /** A case as the user should see it (their pending actions included). */
  caseView(id: string): CaseView | undefined {
    return this.overlay.get(id) ?? this.cases.get(id);
  }

  /** Every case as the user should see it. */
  *allCases(): IterableIterator<CaseView> {
    for (const [id, c] of this.cases) yield this.overlay.get(id) ?? c;
  }

  /** Timeline entries of a case, oldest first; pending ones are flagged. */
  eventsOf(caseId: string): { event: CaseEvent; pending: boolean }[] {
    const out: { event: CaseEvent; pending: boolean }[] = [];
    const seen = new Set<string>();
    for (const id of this.eventsByCase.get(caseId) ?? []) {
      const e = this.events.get(id);
      if (e) {
        out.push({ event: e, pending: false });
        seen.add(id);
      }
    }
    for (const e of this.overlayEvents.get(caseId) ?? []) {
      if (!seen.has(e.id)) out.push({ event: e, pending: true });
    }
    return out.sort((a, b) => a.event.at - b.event.at || (a.event.id < b.event.id ? -1 : 1));
  }

  /** Actions on this case the server has not reflected yet. */
  pendingFor(caseId: string): readonly OutboxEntry[] {
    return this.pendingByCase.get(caseId) ?? [];
  }

  get pendingCount(): number {
    return this.outbox.filter((e) => e.status === 'pending').length;
  }

  touch(): void {
    this.version++;
  }
}
