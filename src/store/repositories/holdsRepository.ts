import { DateTime } from 'luxon';
import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../documentStore';

export interface Hold {
  requestId: string;
  start: string;
  end: string;
}

/**
 * The places held with one offer in one London month: every open request holds its place here.
 * One document per offer-month, changed only by conditional writes, so two requests racing for
 * the last place cannot both get it. Kept in the host's `tasks` partition.
 */
interface LedgerDoc {
  id: string;
  assigneeId: string;
  role: 'ledger';
  offerId: string;
  month: string;
  holds: Hold[];
  [field: string]: unknown;
}

export type HoldDecision = { ok: true } | { ok: false; reason: string };

const MAX_ATTEMPTS = 5;

export function monthOf(instantIso: string): string {
  return DateTime.fromISO(instantIso, { zone: 'Europe/London' }).toFormat('yyyy-LL');
}

function ledgerId(offerId: string, month: string): string {
  return `ledger:${offerId}:${month}`;
}

export class HoldsRepository {
  constructor(private readonly store: DocumentStore) {}

  /** Holds in the months around an instant: the month itself and its neighbours (weeks span months). */
  async holdsAround(hostId: string, offerId: string, instantIso: string): Promise<Hold[]> {
    const centre = DateTime.fromISO(instantIso, { zone: 'Europe/London' });
    const months = [-1, 0, 1].map((m) => centre.plus({ months: m }).toFormat('yyyy-LL'));
    const docs = await Promise.all(months.map((month) => this.store.read<LedgerDoc>('tasks', ledgerId(offerId, month), hostId)));
    return docs.flatMap((found) => found?.doc.holds ?? []);
  }

  /**
   * Adds a hold if `decide` agrees given the holds already there; retried on a concurrent change,
   * so the decision is always made on the latest holds.
   */
  async reserve(hostId: string, offerId: string, hold: Hold, decide: (existing: Hold[]) => Promise<HoldDecision>): Promise<HoldDecision> {
    const id = ledgerId(offerId, monthOf(hold.start));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const found = await this.store.read<LedgerDoc>('tasks', id, hostId);
      const holds = (found?.doc.holds ?? []).filter((h) => h.requestId !== hold.requestId);
      const decision = await decide(holds);
      if (!decision.ok) return decision;
      const doc: LedgerDoc = { id, assigneeId: hostId, role: 'ledger', offerId, month: monthOf(hold.start), holds: [...holds, hold] };
      try {
        if (found) await this.store.replace('tasks', doc, { ifMatch: found.etag });
        else await this.store.create('tasks', doc);
        return { ok: true };
      } catch (error) {
        if (!(error instanceof VersionConflictError || error instanceof DocumentExistsError)) throw error;
      }
    }
    return { ok: false, reason: 'Several people are booking this host at once. Please try again in a moment.' };
  }

  /** Frees a request's place. Safe to repeat. */
  async release(hostId: string, offerId: string, requestId: string, startIso: string): Promise<void> {
    const id = ledgerId(offerId, monthOf(startIso));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const found = await this.store.read<LedgerDoc>('tasks', id, hostId);
      if (!found || !found.doc.holds.some((h) => h.requestId === requestId)) return;
      try {
        await this.store.replace('tasks', { ...found.doc, holds: found.doc.holds.filter((h) => h.requestId !== requestId) }, { ifMatch: found.etag });
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    throw new VersionConflictError('tasks', id);
  }
}
