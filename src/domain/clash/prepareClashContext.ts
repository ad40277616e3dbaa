import type { Shift, ShiftKind } from '../rota';
import { toInstantMs } from '../time/instants';
import { HOUR_MS, type Interval } from '../time/intervals';
import {
  DEFAULT_LOCAL_RULES,
  type ClashContextInput,
  type Finding,
  type LocalRules,
  type OfferTerms,
} from './clashTypes';
import { buildIntervalIndex, type IntervalIndex } from './intervalIndex';
import {
  ABSENCE_KINDS,
  HOST_AWAY_KINDS,
  HOST_ELSEWHERE_KINDS,
  LEAVE_KINDS,
  NIGHT_KINDS,
  ON_CALL_KINDS,
  WORK_KINDS,
} from './shiftKinds';

export interface TimedShift extends Interval {
  kind: ShiftKind;
}
export interface TimedBooking extends Interval {
  requestId: string;
}

/** Nights closer together than this belong to one run. */
export const NIGHT_RUN_BREAK_MS = 24 * HOUR_MS;

/** Rotas parsed, sorted and indexed once, so that many candidate visits can be checked cheaply. */
export interface ClashContext {
  visitor: {
    work: IntervalIndex<TimedShift>;
    onCall: IntervalIndex<TimedShift>;
    leave: IntervalIndex<TimedShift>;
    /** Away from work for a reason not recorded. */
    away: IntervalIndex<TimedShift>;
    /** The last night of each run of nights. */
    nightRunEnds: IntervalIndex<TimedShift>;
  };
  host: { away: IntervalIndex<TimedShift>; elsewhere: IntervalIndex<TimedShift> } | null;
  offer: OfferTerms | null;
  held: IntervalIndex<TimedBooking>;
  maxHoursIn7Days: number | null;
}

/** A rule: what it finds wrong with `visit`, given the prepared rotas and offer. */
export type ClashRule = (context: ClashContext, visit: Interval) => Finding[];

function toTimedShift(shift: Shift, label: string): TimedShift {
  const start = toInstantMs(shift.start, `${label} start`);
  const end = toInstantMs(shift.end, `${label} end`);
  if (!(start < end)) throw new RangeError(`${label} must end after it starts`);
  return { start, end, kind: shift.kind };
}

function toTimedShifts(shifts: readonly Shift[], who: string): TimedShift[] {
  return shifts.map((shift, i) => toTimedShift(shift, `${who} shift ${i + 1}`));
}

function indexKinds(shifts: readonly TimedShift[], kinds: ReadonlySet<ShiftKind>): IntervalIndex<TimedShift> {
  return buildIntervalIndex(shifts.filter((s) => kinds.has(s.kind)));
}

function findNightRunEnds(nights: readonly TimedShift[]): TimedShift[] {
  return nights.filter((night, i) => {
    const next = nights[i + 1];
    return !next || next.start - night.end >= NIGHT_RUN_BREAK_MS;
  });
}

function resolveWeeklyLimit(input: ClashContextInput): number | null {
  const rules: LocalRules = { ...DEFAULT_LOCAL_RULES, ...input.rules };
  const byGroup = input.visitorGroup ? rules.maxHoursIn7DaysByGroup[input.visitorGroup] : undefined;
  return byGroup !== undefined ? byGroup : rules.maxHoursIn7Days;
}

function indexHeldBookings(input: ClashContextInput): IntervalIndex<TimedBooking> {
  const others = (input.heldBookings ?? []).filter((b) => b.requestId !== input.requestId);
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
  const nights = indexKinds(visitorShifts, NIGHT_KINDS);
  const hostShifts = input.hostShifts ? toTimedShifts(input.hostShifts, 'host') : null;
  return {
    visitor: {
      work: indexKinds(visitorShifts, WORK_KINDS),
      onCall: indexKinds(visitorShifts, ON_CALL_KINDS),
      leave: indexKinds(visitorShifts, LEAVE_KINDS),
      away: indexKinds(visitorShifts, ABSENCE_KINDS),
      nightRunEnds: buildIntervalIndex(findNightRunEnds(nights.items)),
    },
    host: hostShifts && {
      away: indexKinds(hostShifts, HOST_AWAY_KINDS),
      elsewhere: indexKinds(hostShifts, HOST_ELSEWHERE_KINDS),
    },
    offer: input.offer ?? null,
    held: indexHeldBookings(input),
    maxHoursIn7Days: resolveWeeklyLimit(input),
  };
}
