import type { Shift } from '../rota';
import { addDays, startOfLondonDay, toLondonDate, toLondonInstant } from '../time/londonTime';
import { londonMonthsAround, type MonthKey } from '../time/monthKeys';
import { readInstant, type IncomingShift, type ReplaceScope } from './mergeShifts';

/** A scope with the London months its shifts can be filed under, so a caller knows what to read. */
export interface ScopeWithMonths extends ReplaceScope {
  months: MonthKey[];
}

/**
 * What a rota file replaces (`rota import --replace`): for each person in it, the London days from
 * their first shift in the file to their last, both whole. Held shifts starting on those days that
 * came from a file import, or whose source was not recorded, are replaced by the file's; shifts
 * from Microsoft Shifts or the demo are kept, as is everything before and after those days.
 */
export function fileReplaceScopes(incoming: readonly IncomingShift[]): ScopeWithMonths[] {
  const spans = new Map<string, { first: number; last: number }>();
  for (const { personId, shift } of incoming) {
    const start = readInstant(shift.start);
    const span = spans.get(personId);
    spans.set(personId, {
      first: Math.min(span?.first ?? start, start),
      last: Math.max(span?.last ?? start, start),
    });
  }
  return [...spans].map(([personId, { first, last }]) => {
    const from = startOfLondonDay(first);
    const to = toLondonInstant(addDays(toLondonDate(last), 1), '00:00');
    return {
      personId,
      months: londonMonthsAround(from, to - 1, 0, 0),
      covers: (shift: Shift) => {
        if (shift.source !== undefined && shift.source !== 'file') return false;
        const start = readInstant(shift.start);
        return start >= from && start < to;
      },
    };
  });
}

/**
 * What a Microsoft Shifts sync of [from, to) replaces for one person: shifts and time off read
 * from one of these teams that start and end inside the window, as the sync reads them. Entries
 * from other teams, from files and from the demo are never touched.
 */
export function shiftsReplaceScope(
  personId: string,
  teamIds: ReadonlySet<string>,
  from: Date,
  to: Date,
): ReplaceScope {
  const [first, last] = [from.getTime(), to.getTime()];
  return {
    personId,
    covers: (shift: Shift) =>
      shift.source === 'shifts' &&
      shift.shiftsTeam !== undefined &&
      teamIds.has(shift.shiftsTeam) &&
      readInstant(shift.start) >= first &&
      readInstant(shift.end) <= last,
  };
}
