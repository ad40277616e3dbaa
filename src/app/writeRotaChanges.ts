import {
  combineScopes,
  groupByMonth,
  mergeMonth,
  monthKey,
  type IncomingShift,
  type MonthMerge,
  type ReplaceScope,
} from '../domain/import/mergeShifts';
import type { RotaMonth, Shift } from '../domain/rota';
import { DocumentExistsError, DocumentNotFoundError, VersionConflictError } from '../store/documentStore';
import type { RotaRepository } from '../store/repositories/rotaRepository';
import { mapWithConcurrency } from '../shared/mapWithConcurrency';

/** Store calls in flight at once: enough to hide latency, few enough to be kind to the store. */
export const WRITE_CONCURRENCY = 16;
/** Tries at one month when another writer changes it between our read and our write. */
const MAX_TRIES = 5;

export interface RotaChangeResult {
  added: number;
  duplicates: number;
  /** Held shifts a replacing source no longer lists, removed. */
  removed: number;
  /** Rota months written or deleted because they gained or lost shifts. */
  monthsWritten: number;
  /** People whose rota gained or lost shifts: their open visits are checked again. */
  changedPeople: string[];
}

export interface RotaChangeOptions {
  /** What the source speaks for: held shifts these cover that it no longer lists are removed. */
  scopes?: readonly ReplaceScope[];
  /** Months to read beside those the incoming shifts fall in: where covered shifts may be held. */
  scopeMonths?: ReadonlyArray<{ personId: string; month: string }>;
  /** Two steps a month (its read, its write or none needed); told the number of steps first. */
  createProgress?: (steps: number) => { advance(steps?: number): void; finish(): void };
}

/**
 * Files shifts from a rota source into the rota months the clash checks read: each touched
 * (person, London month) is read, merged (see mergeMonth) and written only if it changed,
 * conditionally on the version read; a month someone else wrote meanwhile is read and merged
 * again. Months that gain shifts are written before months that only lose some (read again
 * then), so a shift moved to another month is never missing from both. A month left with no
 * shifts is deleted.
 */
export async function writeRotaChanges(
  rota: RotaRepository,
  incoming: readonly IncomingShift[],
  options: RotaChangeOptions = {},
): Promise<RotaChangeResult> {
  const groups = groupByMonth(incoming);
  for (const { personId, month } of options.scopeMonths ?? []) {
    const key = monthKey(personId, month);
    if (!groups.has(key)) groups.set(key, { personId, month, shifts: [] });
  }
  const coverOf = combineScopes(options.scopes ?? []);
  const months = [...groups.values()];
  const progress = options.createProgress?.(months.length * 2);
  const save = (group: MonthGroup, now: (merge: MonthMerge) => boolean) =>
    mergeAndSave(rota, group, coverOf.get(group.personId), now);
  // Months that gain shifts first, those that only lose some after: a run that fails between
  // leaves a moved shift at both times, never at neither.
  const first = await mapWithConcurrency(months, WRITE_CONCURRENCY, async (group) => {
    const outcome = await save(group, (merge) => merge.added > 0);
    // Its read and its write, or the write it did not need; a deferred month's write comes later.
    progress?.advance(outcome.deferred ? 1 : 2);
    return outcome;
  });
  const deferred = months.filter((_, index) => first[index]?.deferred === true);
  const later = await mapWithConcurrency(deferred, WRITE_CONCURRENCY, async (group) => {
    const outcome = await save(group, () => true);
    progress?.advance();
    return outcome;
  });
  const merges = [...first.filter((outcome) => !outcome.deferred), ...later].map((outcome) => outcome.merge);
  progress?.finish();
  const written = merges.filter((merge) => merge.added > 0 || merge.removed > 0);
  const total = (pick: (merge: MonthMerge) => number) => merges.reduce((sum, merge) => sum + pick(merge), 0);
  return {
    added: total((merge) => merge.added),
    duplicates: total((merge) => merge.duplicates),
    removed: total((merge) => merge.removed),
    monthsWritten: written.length,
    changedPeople: [...new Set(written.map((merge) => merge.month.personId))],
  };
}

interface MonthGroup {
  personId: string;
  month: string;
  shifts: Shift[];
}

/**
 * One month read, merged and, when it changed and `now` says so, written on the version read
 * (read and merged again if someone wrote it meanwhile). Deferred: it changed but was not written.
 */
async function mergeAndSave(
  rota: RotaRepository,
  group: MonthGroup,
  covers: ((shift: Shift) => boolean) | undefined,
  now: (merge: MonthMerge) => boolean,
): Promise<{ merge: MonthMerge; deferred: boolean }> {
  for (let tries = 1; ; tries += 1) {
    const found = await rota.readMonth(group.personId, group.month);
    const held: RotaMonth = found
      ? { personId: group.personId, month: group.month, shifts: found.rota.shifts ?? [] }
      : { personId: group.personId, month: group.month, shifts: [] };
    const merge = mergeMonth(held, group.shifts, covers);
    if (!merge.changed) return { merge, deferred: false };
    if (!now(merge)) return { merge, deferred: true };
    try {
      await rota.saveMonth(merge.month, found?.etag);
      return { merge, deferred: false };
    } catch (error) {
      if (!isWriteRace(error) || tries >= MAX_TRIES) throw error;
    }
  }
}

function isWriteRace(error: unknown): boolean {
  return (
    error instanceof VersionConflictError ||
    error instanceof DocumentExistsError ||
    error instanceof DocumentNotFoundError
  );
}
