import { parseIsoInstant } from '../time/instants';

export type VisitTimeCheck = { ok: true; start: string; end: string } | { ok: false; problem: string };

/**
 * A visit time given to the bot (a proposed time, a time being taken or accepted): two ISO-8601
 * instants with an offset, read strictly, the end after the start, and the start still to come.
 * Stored in UTC.
 */
export function checkVisitTime(start: string, end: string, now: Date): VisitTimeCheck {
  const from = parseIsoInstant(start);
  const to = parseIsoInstant(end);
  if (Number.isNaN(from) || Number.isNaN(to))
    return { ok: false, problem: 'That time could not be read. Please choose one of the times offered.' };
  if (!(from < to)) return { ok: false, problem: 'The time must end after it starts.' };
  if (from <= now.getTime())
    return { ok: false, problem: 'That time has already passed. Please choose a time still to come.' };
  return { ok: true, start: new Date(from).toISOString(), end: new Date(to).toISOString() };
}
