import type { Shift, ShiftKind } from '../rota';
import { parseIsoInstant, toInstantMs, type InstantInput } from '../time/instants';
import type { Interval } from '../time/intervals';
import type { ClashContextInput, Finding, HeldBooking, OfferTerms } from './clashTypes';
import { buildIntervalIndex, type IntervalIndex } from './intervalIndex';
import {
  ABSENCE_KINDS,
  HOST_AWAY_KINDS,
  HOST_ELSEWHERE_KINDS,
  HOST_WORK_KINDS,
  LEAVE_KINDS,
  RELEASE_KINDS,
  WORK_KINDS,
} from './shiftKinds';
import { AGENDA_FOR_CHANGE_RULES, type WorkingTimeRules } from './workingTime/workingTimeRules';

export interface TimedShift extends Interval {
  kind: ShiftKind;
}
export interface TimedBooking extends Interval {
  requestId: string;
}

/** Rotas parsed, sorted and indexed once, so that many candidate visits can be checked cheaply. */
export interface ClashContext {
  visitor: {
    /** Periods of work, for the rest and hours rules. */
    work: IntervalIndex<TimedShift>;
    /** Rostered time a visit would need releasing from. */
    release: IntervalIndex<TimedShift>;
    leave: IntervalIndex<TimedShift>;
    /** Away from work for a reason not recorded. */
    away: IntervalIndex<TimedShift>;
    /** The visitor's other pending or confirmed visits. */
    booked: IntervalIndex<TimedBooking>;
    rules: WorkingTimeRules;
  };
  host: {
    away: IntervalIndex<TimedShift>;
    elsewhere: IntervalIndex<TimedShift>;
    /** Duty, long day and night shifts: when a host with a rota is at work. */
    working: IntervalIndex<TimedShift>;
  } | null;
  offer: OfferTerms | null;
  held: IntervalIndex<TimedBooking>;
}

/** A rule: what it finds wrong with `visit`, given the prepared rotas and offer. */
export type ClashRule = (context: ClashContext, visit: Interval) => Finding[];

/**
 * A shift as instants. Its name ("visitor shift 3") is only for the error, so it is put together
 * when there is one: a search reads every shift of two rotas for each offer it looks at.
 */
function toTimedShift(shift: Shift, who: string, index: number): TimedShift {
  const start = shiftInstant(shift.start, who, index, 'start');
  const end = shiftInstant(shift.end, who, index, 'end');
  if (!(start < end)) throw new RangeError(`${shiftName(who, index)} must end after it starts`);
  return { start, end, kind: shift.kind };
}

const shiftName = (who: string, index: number): string => `${who} shift ${index + 1}`;

/** As toInstantMs, which is asked only to fail, with the shift's name. */
function shiftInstant(value: InstantInput, who: string, index: number, edge: 'start' | 'end'): number {
  const ms = typeof value === 'number' ? value : parseIsoInstant(value);
  return Number.isFinite(ms) ? ms : toInstantMs(value, `${shiftName(who, index)} ${edge}`);
}

function toTimedShifts(shifts: readonly Shift[], who: string): TimedShift[] {
  return shifts.map((shift, i) => toTimedShift(shift, who, i));
}

function indexKinds(
  shifts: readonly TimedShift[],
  kinds: { has: (kind: ShiftKind) => boolean },
): IntervalIndex<TimedShift> {
  return buildIntervalIndex(shifts.filter((s) => kinds.has(s.kind)));
}

function indexBookings(
  bookings: readonly HeldBooking[] | undefined,
  requestId: string | undefined,
): IntervalIndex<TimedBooking> {
  const others = (bookings ?? []).filter((b) => b.requestId !== requestId);
  return buildIntervalIndex(
    others.map((b) => ({
      requestId: b.requestId,
      start: toInstantMs(b.start, `held booking ${b.requestId} start`),
      end: toInstantMs(b.end, `held booking ${b.requestId} end`),
    })),
  );
}

export function prepareClashContext(input: ClashContextInput): ClashContext {
  const visitorShifts = toTimedShifts(input.visitorShifts, 'visitor');
  const hostShifts = input.hostShifts ? toTimedShifts(input.hostShifts, 'host') : null;
  return {
    visitor: {
      work: indexKinds(visitorShifts, WORK_KINDS),
      release: indexKinds(visitorShifts, RELEASE_KINDS),
      leave: indexKinds(visitorShifts, LEAVE_KINDS),
      away: indexKinds(visitorShifts, ABSENCE_KINDS),
      booked: indexBookings(input.visitorBookings, input.requestId),
      rules: input.visitorRules ?? AGENDA_FOR_CHANGE_RULES,
    },
    host: hostShifts && {
      away: indexKinds(hostShifts, HOST_AWAY_KINDS),
      elsewhere: indexKinds(hostShifts, HOST_ELSEWHERE_KINDS),
      working: indexKinds(hostShifts, HOST_WORK_KINDS),
    },
    offer: input.offer ?? null,
    held: indexBookings(input.heldBookings, input.requestId),
  };
}
