import { DateTime } from 'luxon';
import { parseIsoInstant } from '../../domain/time/instants';
import { londonMonthOf } from '../../domain/time/londonTime';
import { addMonths } from '../../domain/time/monthKeys';
import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../documentStore';

export interface Hold {
  requestId: string;
  start: string;
  end: string;
  /** When the place was taken (holds from before this was kept have none). */
  heldAt?: string;
}

/**
 * The places held with one offer: every open request holds its place here. One document per
 * offer, changed only by conditional writes, so two requests racing for the last place cannot both
 * get it. A single document (not one per month) because a week's places can span two months: a
 * Tuesday in one month and the Thursday in the next count against the same weekly capacity, and
 * only one document can be written conditionally. Holds leave when their request closes, so it
 * stays small. Kept in the host's `tasks` partition.
 */
interface LedgerDoc {
  id: string;
  assigneeId: string;
  role: 'ledger';
  offerId: string;
  holds: Hold[];
  [field: string]: unknown;
}

export type HoldDecision = { ok: true } | { ok: false; reason: string };

/** Every place of an offer shares one document, so allow for a crowd: each round one writer wins. */
const MAX_ATTEMPTS = 20;

/**
 * The London month of an instant, as "yyyy-LL". Instants as stored (with Z or an offset) are read
 * without luxon, which a search would otherwise call for every hold of every offer it looks at;
 * anything else is read by luxon as before (a time without an offset as London time; text that is
 * no time at all gives "Invalid DateTime", which no month range holds).
 */
export function monthOf(instantIso: string): string {
  return monthBeside(instantIso, 0);
}

/** The London month `months` away from an instant's, as "yyyy-LL". */
function monthBeside(instantIso: string, months: number): string {
  const instant = parseIsoInstant(instantIso);
  if (Number.isFinite(instant)) return addMonths(londonMonthOf(instant), months);
  return DateTime.fromISO(instantIso, { zone: 'Europe/London' }).plus({ months }).toFormat('yyyy-LL');
}

/** The id of the document (in the host's `tasks` partition) that holds an offer's places. */
export function ledgerId(offerId: string): string {
  return `ledger:${offerId}`;
}

/**
 * The holds whose start is in the months from the one before `instantIso` to the one after
 * `untilIso`: weeks span months, and a search window may span several.
 */
export function holdsWithin(
  holds: readonly Hold[],
  instantIso: string,
  untilIso: string = instantIso,
): Hold[] {
  const [first, last] = [monthBeside(instantIso, -1), monthBeside(untilIso, 1)];
  return holds.filter((h) => {
    const month = monthOf(h.start);
    return month >= first && month <= last;
  });
}

export class HoldsRepository {
  constructor(private readonly store: DocumentStore) {}

  /**
   * Holds in the months from the one before `instantIso` to the one after `untilIso` (the same
   * instant if not given): weeks span months, and a search window may span several.
   */
  async holdsAround(
    hostId: string,
    offerId: string,
    instantIso: string,
    untilIso: string = instantIso,
  ): Promise<Hold[]> {
    return holdsWithin(await this.readHolds(hostId, offerId), instantIso, untilIso);
  }

  /** Every place held with an offer. */
  async readHolds(hostId: string, offerId: string): Promise<Hold[]> {
    return (await this.store.read<LedgerDoc>('tasks', ledgerId(offerId), hostId))?.doc.holds ?? [];
  }

  /** Whether the request holds its place starting at `startIso` with this offer. */
  async isHeld(hostId: string, offerId: string, requestId: string, startIso: string): Promise<boolean> {
    const found = await this.store.read<LedgerDoc>('tasks', ledgerId(offerId), hostId);
    return (found?.doc.holds ?? []).some(isHoldOf(requestId, startIso));
  }

  /**
   * Adds a hold if `decide` agrees given all the offer's other holds; retried on a concurrent
   * change, so the decision is always made on the latest holds. `decide` is also given the holds
   * this request has already (its own place, taken by an earlier or a concurrent send of it),
   * which the new hold replaces.
   */
  async reserve(
    hostId: string,
    offerId: string,
    hold: Hold,
    decide: (existing: Hold[], own: Hold[]) => Promise<HoldDecision>,
  ): Promise<HoldDecision> {
    const id = ledgerId(offerId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      if (attempt > 0) await pause(attempt);
      const found = await this.store.read<LedgerDoc>('tasks', id, hostId);
      const all = found?.doc.holds ?? [];
      const holds = all.filter((h) => h.requestId !== hold.requestId);
      const decision = await decide(
        holds,
        all.filter((h) => h.requestId === hold.requestId),
      );
      if (!decision.ok) return decision;
      const doc: LedgerDoc = { id, assigneeId: hostId, role: 'ledger', offerId, holds: [...holds, hold] };
      try {
        if (found) await this.store.replace('tasks', doc, { ifMatch: found.etag });
        else await this.store.create('tasks', doc);
        return { ok: true };
      } catch (error) {
        if (!(error instanceof VersionConflictError || error instanceof DocumentExistsError)) throw error;
      }
    }
    return {
      ok: false,
      reason: 'Several people are booking this host at once. Please try again in a moment.',
    };
  }

  /**
   * Frees a request's place starting at `startIso` (a request moved to a new time holds the new
   * place, which must stay). Safe to repeat.
   */
  async release(hostId: string, offerId: string, requestId: string, startIso: string): Promise<void> {
    const id = ledgerId(offerId);
    const isTheHold = isHoldOf(requestId, startIso);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      if (attempt > 0) await pause(attempt);
      const found = await this.store.read<LedgerDoc>('tasks', id, hostId);
      if (!found || !found.doc.holds.some(isTheHold)) return;
      try {
        await this.store.replace(
          'tasks',
          { ...found.doc, holds: found.doc.holds.filter((h) => !isTheHold(h)) },
          { ifMatch: found.etag },
        );
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    throw new VersionConflictError('tasks', id);
  }
}

/** Whether a hold is this request's place starting at `startIso` (written in any form of the instant). */
function isHoldOf(requestId: string, startIso: string): (hold: Hold) => boolean {
  return (h) => h.requestId === requestId && Date.parse(h.start) === Date.parse(startIso);
}

/** A short random wait before trying again, so racing writers spread out. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 5) * 5));
}
