import { isDatedSession, type OfferedSession, type SessionPart, type Weekday } from '../offers';
import { containsInterval, type Interval } from '../time/intervals';
import { addDays, toLondonDate, toLondonInstant, weekdayOf, type LondonDate } from '../time/londonTime';
import { sessionPart, sessionTimes } from './sessionTimes';

/** One session on one London date, as instants. */
export interface SessionOccurrence extends Interval {
  date: LondonDate;
  part: SessionPart;
}

/** `weekdayOfDate` gives the date's weekday, worked out once for all the sessions of the date. */
function occurs(session: OfferedSession, date: LondonDate, weekdayOfDate: () => Weekday): boolean {
  return isDatedSession(session) ? session.date === date : session.weekday === weekdayOfDate();
}

/** The sessions held on a London date, in time order. */
export function occurrencesOn(sessions: readonly OfferedSession[], date: LondonDate): SessionOccurrence[] {
  let weekday: Weekday | undefined;
  const weekdayOfDate = () => (weekday ??= weekdayOf(date));
  return sessions
    .filter((session) => occurs(session, date, weekdayOfDate))
    .map((session) => {
      const times = sessionTimes(session);
      return {
        date,
        part: sessionPart(session),
        start: toLondonInstant(date, times.start),
        end: toLondonInstant(date, times.end),
      };
    })
    .filter((occurrence) => occurrence.start < occurrence.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Every session held from the London date of `window.start` to that of `window.end`, in time order. */
export function occurrencesBetween(
  sessions: readonly OfferedSession[],
  window: Interval,
): SessionOccurrence[] {
  const found: SessionOccurrence[] = [];
  const last = toLondonDate(window.end);
  for (let date = toLondonDate(window.start); date <= last; date = addDays(date, 1))
    found.push(...occurrencesOn(sessions, date));
  return found;
}

/** The session occurrence a visit lies wholly within (the shortest, if sessions overlap). */
export function occurrenceHolding(
  sessions: readonly OfferedSession[],
  visit: Interval,
): SessionOccurrence | undefined {
  return occurrencesOn(sessions, toLondonDate(visit.start))
    .filter((occurrence) => containsInterval(occurrence, visit))
    .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}
