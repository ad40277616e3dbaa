import { SESSION_TIMES, toLondonInstant } from '../time/londonTime';
import type { CustomTimes, VisitLengthChoice } from './draft';

/** The visit on a given London day for the chosen length, as UTC ISO instants. */
export function slotForDay(
  date: string,
  length: VisitLengthChoice,
  customTimes?: CustomTimes,
): { start: string; end: string } {
  const times = length === 'custom' ? (customTimes ?? SESSION_TIMES.am) : SESSION_TIMES[length];
  return {
    start: new Date(toLondonInstant(date, times.start)).toISOString(),
    end: new Date(toLondonInstant(date, times.end)).toISOString(),
  };
}
