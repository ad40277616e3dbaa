import type { OfferedSession, SessionPart, Weekday } from '../offers';
import { slotsOnDate } from '../sessions/sessionSlots';
import { toInstantMs, type InstantInput } from '../time/instants';
import type { Interval } from '../time/intervals';
import { addDays, toLondonDate, toLondonIso } from '../time/londonTime';
import { findWarnings, hasBlocking, toClash } from './clashRules';
import type { Clash, ClashContextInput, OfferTerms, ReleaseEntry, TimeBasis } from './clashTypes';
import { describeTimeBasis } from './describeTimeBasis';
import { findRelease } from './findRelease';
import { prepareClashContext } from './prepareClashContext';
import { withBothBases } from './withBothBases';

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
  /** The time basis in plain words: "during your long day, 08:00-20:30: your manager will be asked to release you". */
  timeBasisWords: string;
  /** Things to know that do not block the slot (e.g. the visitor is on leave). */
  warnings: Clash[];
}

interface Candidate {
  slot: Interval;
  release: ReleaseEntry[];
  warnings: Clash[];
  words: string;
}

const basisOf = (candidate: Candidate): TimeBasis =>
  candidate.release.length > 0 ? 'work_time' : 'own_time';

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
  const chosen = withBothBases(clean, count, basisOf);
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
    const release = findRelease(context, slot);
    const candidate = {
      slot,
      release,
      warnings: findWarnings(context, slot).map(toClash),
      words: describeTimeBasis(context, slot, release),
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
 * Whether the offer has any session of the given length wholly within [from, to): without one,
 * `suggestSlots` finds nothing whatever the rotas say, so they need not be read.
 */
export function hasOfferedSlot(
  offer: OfferTerms,
  from: InstantInput,
  to: InstantInput,
  length: SessionPart,
): boolean {
  const window = { start: toInstantMs(from, 'Search from'), end: toInstantMs(to, 'Search to') };
  return window.start < window.end && !generateSlots(window, length, offer).next().done;
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
    timeBasisWords: candidate.words,
    warnings: candidate.warnings,
  }));
}
