import type { RotaMonth, Shift } from '../rota';
import { londonMonthOf } from '../time/londonTime';

export interface IncomingShift {
  personId: string;
  shift: Shift;
}

/**
 * What a source speaks for in one person's rota: the held entries it removes when it no longer
 * lists them (its own entries, over the dates or window it was read for).
 */
export interface ReplaceScope {
  personId: string;
  covers(shift: Shift): boolean;
}

export interface MonthMerge {
  /** The month as it now stands, shifts in time order; none left means the month can go. */
  month: RotaMonth;
  added: number;
  /** Incoming shifts already held (or repeated within the import), left out. */
  duplicates: number;
  /** Held shifts the scope covers that the source no longer lists. */
  removed: number;
  /** Whether the stored month must be written: shifts added or removed, or a source recorded. */
  changed: boolean;
}

export interface RotaMerge {
  /** Every month, existing and new, each with its shifts in time order (emptied ones with none). */
  months: RotaMonth[];
  /** Only the months to write: shifts gained or lost, or a source recorded (an emptied one, to delete). */
  changed: RotaMonth[];
  added: number;
  duplicates: number;
  removed: number;
}

/**
 * One person's month merged with the shifts a source lists for it. A shift with the same start,
 * end, kind and code as one already held is the same shift, so importing a file twice adds
 * nothing; a held shift of unknown source that the source lists is recorded as its. When `covers`
 * is given, held shifts it covers that the source no longer lists are removed: a moved shift leaves
 * only its new time. Inputs are not changed.
 */
export function mergeMonth(
  held: RotaMonth,
  incoming: readonly Shift[],
  covers?: (shift: Shift) => boolean,
): MonthMerge {
  const listed = new Set(incoming.map(identify));
  const kept: Shift[] = [];
  const index = new Map<string, number>();
  let removed = 0;
  for (const shift of held.shifts) {
    const identity = identify(shift);
    if (index.has(identity)) continue;
    if (covers?.(shift) === true && !listed.has(identity)) {
      removed += 1;
      continue;
    }
    index.set(identity, kept.push(shift) - 1);
  }
  let added = 0;
  let duplicates = 0;
  let claimed = false;
  for (const shift of incoming) {
    const identity = identify(shift);
    const at = index.get(identity);
    if (at === undefined) {
      index.set(identity, kept.push({ ...shift }) - 1);
      added += 1;
      continue;
    }
    duplicates += 1;
    const found = kept[at] as Shift;
    if (found.source === undefined && shift.source !== undefined) {
      kept[at] = { ...found, ...sourceOf(shift) };
      claimed = true;
    }
  }
  kept.sort(compareShifts);
  return {
    month: { personId: held.personId, month: held.month, shifts: kept },
    added,
    duplicates,
    removed,
    changed: added > 0 || removed > 0 || claimed,
  };
}

/**
 * Files shifts into per-person rota months (the Europe/London month of each shift's start), each
 * month merged as `mergeMonth` does, with the scope of its person when one is given.
 */
export function mergeIntoRotaMonths(
  existing: readonly RotaMonth[],
  incoming: readonly IncomingShift[],
  scopes: readonly ReplaceScope[] = [],
): RotaMerge {
  const months = new Map<string, { held: RotaMonth; incoming: Shift[] }>();
  for (const month of existing) {
    const key = monthKey(month.personId, month.month);
    const entry = months.get(key);
    if (entry) entry.held = { ...entry.held, shifts: [...entry.held.shifts, ...month.shifts] };
    else months.set(key, { held: month, incoming: [] });
  }
  for (const [key, group] of groupByMonth(incoming)) {
    const entry = months.get(key);
    if (entry) entry.incoming = group.shifts;
    else
      months.set(key, {
        held: { personId: group.personId, month: group.month, shifts: [] },
        incoming: group.shifts,
      });
  }
  const coverOf = combineScopes(scopes);
  const merged = [...months.values()]
    .map(({ held, incoming: shifts }) => mergeMonth(held, shifts, coverOf.get(held.personId)))
    .sort((a, b) => compareMonths(a.month, b.month));
  const total = (pick: (merge: MonthMerge) => number) => merged.reduce((sum, merge) => sum + pick(merge), 0);
  return {
    months: merged.map((merge) => merge.month),
    changed: merged.filter((merge) => merge.changed).map((merge) => merge.month),
    added: total((merge) => merge.added),
    duplicates: total((merge) => merge.duplicates),
    removed: total((merge) => merge.removed),
  };
}

/** The incoming shifts by (person, London month of their start), in the order given. */
export function groupByMonth(
  incoming: readonly IncomingShift[],
): Map<string, { personId: string; month: string; shifts: Shift[] }> {
  const groups = new Map<string, { personId: string; month: string; shifts: Shift[] }>();
  for (const { personId, shift } of incoming) {
    const month = londonMonthOf(readInstant(shift.start));
    const key = monthKey(personId, month);
    const group = groups.get(key) ?? { personId, month, shifts: [] };
    group.shifts.push(shift);
    groups.set(key, group);
  }
  return groups;
}

/** One test per person: a held shift is covered when any of their scopes covers it. */
export function combineScopes(scopes: readonly ReplaceScope[]): Map<string, (shift: Shift) => boolean> {
  const byPerson = new Map<string, ReplaceScope[]>();
  for (const scope of scopes) byPerson.set(scope.personId, [...(byPerson.get(scope.personId) ?? []), scope]);
  return new Map(
    [...byPerson].map(([personId, own]) => [personId, (shift: Shift) => own.some((s) => s.covers(shift))]),
  );
}

export function monthKey(personId: string, month: string): string {
  return `${personId}\u0000${month}`;
}

/** Same start, end, kind and code; instants compared as instants, whatever their ISO spelling. */
function identify(shift: Shift): string {
  return `${readInstant(shift.start)}|${readInstant(shift.end)}|${shift.kind}|${shift.code}`;
}

function sourceOf(shift: Shift): Pick<Shift, 'source' | 'shiftsTeam'> {
  return {
    ...(shift.source !== undefined ? { source: shift.source } : {}),
    ...(shift.shiftsTeam !== undefined ? { shiftsTeam: shift.shiftsTeam } : {}),
  };
}

export function readInstant(iso: string): number {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant))
    throw new RangeError(`Shift time ${JSON.stringify(iso)} is not an ISO-8601 instant.`);
  return instant;
}

function compareMonths(a: RotaMonth, b: RotaMonth): number {
  return a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : a.month.localeCompare(b.month);
}

function compareShifts(a: Shift, b: Shift): number {
  return readInstant(a.start) - readInstant(b.start) || readInstant(a.end) - readInstant(b.end);
}
