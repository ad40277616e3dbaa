import type { RotaMonth, Shift } from '../rota';
import { londonMonthOf } from '../time/londonTime';

export interface IncomingShift {
  personId: string;
  shift: Shift;
}

export interface RotaMerge {
  /** Every month, existing and new, each with its shifts in time order. */
  months: RotaMonth[];
  /** Only the months that gained shifts: what a caller needs to write. */
  changed: RotaMonth[];
  added: number;
  /** Incoming shifts already held (or repeated within the import), left out. */
  duplicates: number;
}

/**
 * Files shifts into per-person rota months (the Europe/London month of each shift's start). A
 * shift with the same start, end, kind and code as one already held is the same shift, so
 * importing a file twice adds nothing. Inputs are not changed.
 */
export function mergeIntoRotaMonths(
  existing: readonly RotaMonth[],
  incoming: readonly IncomingShift[],
): RotaMerge {
  const byKey = new Map<string, { month: RotaMonth; seen: Set<string>; changed: boolean }>();
  for (const month of existing) {
    const key = monthKey(month.personId, month.month);
    const held = byKey.get(key) ?? {
      month: { ...month, shifts: [] },
      seen: new Set<string>(),
      changed: false,
    };
    for (const shift of month.shifts) {
      const identity = identify(shift);
      if (held.seen.has(identity)) continue;
      held.seen.add(identity);
      held.month.shifts.push(shift);
    }
    byKey.set(key, held);
  }
  let added = 0;
  let duplicates = 0;
  for (const { personId, shift } of incoming) {
    const month = londonMonthOf(readInstant(shift.start));
    const key = monthKey(personId, month);
    let held = byKey.get(key);
    if (!held) {
      held = { month: { personId, month, shifts: [] }, seen: new Set(), changed: false };
      byKey.set(key, held);
    }
    const identity = identify(shift);
    if (held.seen.has(identity)) {
      duplicates += 1;
      continue;
    }
    held.seen.add(identity);
    held.month.shifts.push({ ...shift });
    held.changed = true;
    added += 1;
  }
  const all = [...byKey.values()].sort((a, b) => compareMonths(a.month, b.month));
  for (const { month } of all) month.shifts.sort(compareShifts);
  return {
    months: all.map((held) => held.month),
    changed: all.filter((held) => held.changed).map((held) => held.month),
    added,
    duplicates,
  };
}

function monthKey(personId: string, month: string): string {
  return `${personId}\u0000${month}`;
}

/** Same start, end, kind and code; instants compared as instants, whatever their ISO spelling. */
function identify(shift: Shift): string {
  return `${readInstant(shift.start)}|${readInstant(shift.end)}|${shift.kind}|${shift.code}`;
}

function readInstant(iso: string): number {
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
