import type { OfferedSession, SessionPart, Weekday } from '../offers';
import { occurrencesOn, type SessionOccurrence } from '../sessions/sessionOccurrences';
import { toInstantMs, type InstantInput } from '../time/instants';
import type { Interval } from '../time/intervals';
import { addDays, toLondonDate, toLondonInstant, toLondonIso } from '../time/londonTime';
import { findWarnings, hasBlocking, toClash } from './clashRules';
import type { Clash, ClashContextInput, OfferTerms, ReleaseEntry, TimeBasis } from './clashTypes';
import { findRelease } from './findRelease';
import { prepareClashContext } from './prepareClashContext';

export const DEFAULT_SUGGESTION_COUNT = 3;
/** Days searched when there is no offer to say which days are possible. */
const WORKING_WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export interface SuggestSlotsInput extends ClashContextInput {
  /** Search window [from, to): only slots wholly inside it are suggested. */
  from: InstantInput;
  to: InstantInput;
  /**
   * A morning, an afternoon or a full day: the offer's sessions of that part of the day (a morning
   * or afternoon of a full-day session; any session for a full day). Without an offer, weekday
   * sessions: AM 09:00-13:00, PM 13:00-17:00 or a full day 09:00-17:00, Europe/London.
   */
  length: SessionPart;
  /** How many slots to return; 3 unless given. */
  count?: number;
}

export interface SuggestedSlot {
  /** ISO-8601 with the Europe/London offset. */
  start: string;
  end: string;
  /** In work time (the manager is asked to release the visitor) or in the visitor's own time. */
  timeBasis: TimeBasis;
  /** The rostered time the visitor would be released from; empty in own time. */
  release: ReleaseEntry[];
  /** Things to know that do not block the slot (e.g. the visitor is on leave). */
  warnings: Clash[];
}

interface Candidate {
  slot: Interval;
  release: ReleaseEntry[];
  warnings: Clash[];
}

const basisOf = (candidate: Candidate): TimeBasis =>
  candidate.release.length > 0 ? 'work_time' : 'own_time';

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
function slotsOnDate(sessions: readonly OfferedSession[], date: string, length: SessionPart): Interval[] {
  const slots = new Map<number, Interval>();
  for (const occurrence of occurrencesOn(sessions, date)) {
    const slot = fitToLength(occurrence, length);
    const known = slot && slots.get(slot.start);
    if (slot && (!known || known.end < slot.end)) slots.set(slot.start, { start: slot.start, end: slot.end });
  }
  return [...slots.values()].sort((a, b) => a.start - b.start);
}

/** Each possible slot of the given length within the offer's sessions (weekdays without an offer), in time order. */
function* generateSlots(
  window: Interval,
  length: SessionPart,
  offer: OfferTerms | undefined,
): Generator<Interval> {
  const sessions: readonly OfferedSession[] = offer
    ? offer.sessions
    : WORKING_WEEK.map((weekday) => ({ weekday, part: length }));
  const last = toLondonDate(window.end);
  for (let date = toLondonDate(window.start); date <= last; date = addDays(date, 1)) {
    for (const slot of slotsOnDate(sessions, date, length))
      if (slot.start >= window.start && slot.end <= window.end) yield slot;
  }
}

function readWindow(input: SuggestSlotsInput): Interval {
  const window = { start: toInstantMs(input.from, 'Search from'), end: toInstantMs(input.to, 'Search to') };
  if (!(window.start < window.end)) throw new RangeError('The search window must end after it starts');
  return window;
}

const hasBothBases = (candidates: readonly Candidate[]): boolean => new Set(candidates.map(basisOf)).size > 1;

/**
 * The earliest slots without warnings, one of them in the other time basis when there is one (so
 * the visitor sees a work-time and an own-time choice); too few, and the earliest with warnings
 * fill up. All in time order.
 */
function pickPreferred(clean: Candidate[], warned: Candidate[], count: number): Candidate[] {
  const chosen = clean.slice(0, count);
  const first = chosen[0];
  const other = first && clean.find((c) => basisOf(c) !== basisOf(first));
  if (count > 1 && other && !hasBothBases(chosen)) chosen[chosen.length - 1] = other;
  const filled = [...chosen, ...warned.slice(0, Math.max(0, count - chosen.length))];
  return filled.sort((a, b) => a.slot.start - b.slot.start);
}

/** Walks the candidates in order until `count` clean slots of both time bases are found, keeping early warned ones. */
function collectCandidates(input: SuggestSlotsInput, window: Interval, count: number): Candidate[] {
  const context = prepareClashContext(input);
  const clean: Candidate[] = [];
  const warned: Candidate[] = [];
  for (const slot of generateSlots(window, input.length, input.offer)) {
    if (hasBlocking(context, slot)) continue;
    const candidate = {
      slot,
      release: findRelease(context, slot),
      warnings: findWarnings(context, slot).map(toClash),
    };
    if (candidate.warnings.length > 0) {
      if (warned.length < count) warned.push(candidate);
      continue;
    }
    clean.push(candidate);
    if (clean.length >= count && hasBothBases(clean)) break;
  }
  return pickPreferred(clean, warned, count);
}

/**
 * The next `count` slots in [from, to) within the offer's sessions (Monday to Friday without an
 * offer) that clash for neither the visitor nor the host, in work time and in own time; slots with
 * warnings only if there are too few without. Rotas are indexed once per call.
 */
export function suggestSlots(input: SuggestSlotsInput): SuggestedSlot[] {
  const window = readWindow(input);
  const count = input.count ?? DEFAULT_SUGGESTION_COUNT;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number: ${count}`);
  if (count === 0 || input.offer?.status === 'paused') return [];
  return collectCandidates(input, window, count).map((candidate) => ({
    start: toLondonIso(candidate.slot.start),
    end: toLondonIso(candidate.slot.end),
    timeBasis: basisOf(candidate),
    release: candidate.release,
    warnings: candidate.warnings,
  }));
}
