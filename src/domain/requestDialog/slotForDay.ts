import { checkLondonInstant, SESSION_TIMES } from '../time/londonTime';
import type { CustomTimes, VisitLengthChoice } from './draft';

export type SlotReading = { ok: true; start: string; end: string } | { ok: false; problem: string };

/**
 * The visit on a given London day for the chosen length, as UTC ISO instants; or, for custom
 * times in the hour skipped when the clocks go forward, a sentence saying why there is none.
 */
export function checkSlotForDay(
  date: string,
  length: VisitLengthChoice,
  customTimes?: CustomTimes,
): SlotReading {
  const times = length === 'custom' ? (customTimes ?? SESSION_TIMES.am) : SESSION_TIMES[length];
  const start = checkLondonInstant(date, times.start);
  if (!start.ok) return start;
  const end = checkLondonInstant(date, times.end);
  if (!end.ok) return end;
  return { ok: true, start: new Date(start.instant).toISOString(), end: new Date(end.instant).toISOString() };
}

/** As `checkSlotForDay`, for session times (which always exist); throws RangeError otherwise. */
export function slotForDay(
  date: string,
  length: VisitLengthChoice,
  customTimes?: CustomTimes,
): { start: string; end: string } {
  const reading = checkSlotForDay(date, length, customTimes);
  if (!reading.ok) throw new RangeError(reading.problem);
  return { start: reading.start, end: reading.end };
}
