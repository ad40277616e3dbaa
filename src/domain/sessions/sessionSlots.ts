import type { OfferedSession, SessionPart } from '../offers';
import type { Interval } from '../time/intervals';
import { toLondonInstant } from '../time/londonTime';
import { occurrencesOn, type SessionOccurrence } from './sessionOccurrences';

/**
 * The part of a session occurrence a visit of `length` takes: the whole session when it is of that
 * part of the day, or when a full day was asked for (a shorter visit beats none); the morning or
 * afternoon of a full-day session. Never anything outside the session.
 */
function fitToLength(occurrence: SessionOccurrence, length: SessionPart): Interval | undefined {
  if (length === occurrence.part || length === 'full_day') return occurrence;
  if (occurrence.part !== 'full_day') return undefined;
  const noon = toLondonInstant(occurrence.date, '13:00');
  const piece =
    length === 'am'
      ? { start: occurrence.start, end: Math.min(occurrence.end, noon) }
      : { start: Math.max(occurrence.start, noon), end: occurrence.end };
  return piece.start < piece.end ? piece : undefined;
}

/** The slots of the given length within the sessions of one London date, in time order: one per start, the longest. */
export function slotsOnDate(
  sessions: readonly OfferedSession[],
  date: string,
  length: SessionPart,
): Interval[] {
  const slots = new Map<number, Interval>();
  for (const occurrence of occurrencesOn(sessions, date)) {
    const slot = fitToLength(occurrence, length);
    const known = slot && slots.get(slot.start);
    if (slot && (!known || known.end < slot.end)) slots.set(slot.start, { start: slot.start, end: slot.end });
  }
  return [...slots.values()].sort((a, b) => a.start - b.start);
}
