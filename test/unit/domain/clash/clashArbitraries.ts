import fc from 'fast-check';
import {
  AGENDA_FOR_CHANGE_RULES,
  DOCTORS_IN_TRAINING_RULES,
  type HeldBooking,
  type OfferTerms,
  type WorkingTimeRules,
} from '../../../../src/domain/clash';
import type { OfferedSession, SessionPart, Weekday } from '../../../../src/domain/offers';
import { partOfDay } from '../../../../src/domain/sessions/sessionTimes';
import { SHIFT_KINDS, type Shift } from '../../../../src/domain/rota';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Both 2026 clock changes fall inside the periods tests draw from. */
export const PERIOD_STARTS = [Date.UTC(2026, 2, 16), Date.UTC(2026, 9, 12)];
export const PERIOD_DAYS = 35;

const instantIn = (base: number) =>
  fc
    .record({ day: fc.integer({ min: 0, max: PERIOD_DAYS }), slot: fc.integer({ min: 0, max: 95 }) })
    .map(({ day, slot }) => base + day * DAY + slot * 15 * MINUTE);

export const shiftsFrom = (base: number): fc.Arbitrary<Shift[]> =>
  fc.array(
    fc
      .record({
        start: instantIn(base),
        minutes: fc.integer({ min: 1, max: 56 }).map((q) => q * 15),
        kind: fc.constantFrom(...SHIFT_KINDS),
      })
      .map(({ start, minutes, kind }) => ({
        kind,
        code: 'CODE-NOT-SHOWN',
        start: new Date(start).toISOString(),
        end: new Date(start + minutes * MINUTE).toISOString(),
      })),
    { maxLength: 40 },
  );

export const heldFrom = (base: number): fc.Arbitrary<HeldBooking[]> =>
  fc.array(
    fc.record({ start: instantIn(base), hours: fc.integer({ min: 1, max: 8 }), id: fc.nat(99) }).map((b) => ({
      requestId: `r${b.id}`,
      start: new Date(b.start).toISOString(),
      end: new Date(b.start + b.hours * 60 * MINUTE).toISOString(),
    })),
    { maxLength: 6 },
  );

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const PARTS: SessionPart[] = ['am', 'pm', 'full_day'];

const pad = (n: number) => String(n).padStart(2, '0');
/** Wall-clock times on the quarter hour between 06:00 and 21:00, start before end. */
const ownTimes = fc
  .record({ from: fc.integer({ min: 24, max: 80 }), quarters: fc.integer({ min: 2, max: 40 }) })
  .map(({ from, quarters }) => {
    const to = Math.min(from + quarters, 84);
    const clock = (q: number) => `${pad(Math.floor(q / 4))}:${pad((q % 4) * 15)}`;
    return { start: clock(from), end: clock(to) };
  });

const weeklySession: fc.Arbitrary<OfferedSession> = fc.oneof(
  fc.record({ weekday: fc.constantFrom(...WEEKDAYS), part: fc.constantFrom(...PARTS) }),
  fc
    .record({ weekday: fc.constantFrom(...WEEKDAYS), times: ownTimes })
    .map(({ weekday, times }) => ({ weekday, part: partOfDay(times), ...times })),
);

const datedSession = (base: number): fc.Arbitrary<OfferedSession> =>
  fc
    .record({ day: fc.integer({ min: 0, max: PERIOD_DAYS }), times: ownTimes })
    .map(({ day, times }) => ({ date: new Date(base + day * DAY).toISOString().slice(0, 10), ...times }));

function termsWith(session: fc.Arbitrary<OfferedSession>): fc.Arbitrary<OfferTerms> {
  return fc.record({
    sessions: fc.array(session, { minLength: 1, maxLength: 5 }),
    capacityPerWeek: fc.integer({ min: 0, max: 4 }),
    capacityPerMonth: fc.integer({ min: 0, max: 10 }),
    visitorsPerSession: fc.integer({ min: 1, max: 3 }),
    status: fc.constantFrom('active' as const, 'active' as const, 'paused' as const),
  });
}

/** Offers with weekly sessions: parts of the day, or their own times. */
export const offerTerms: fc.Arbitrary<OfferTerms> = termsWith(weeklySession);

/** Offers that may also have sessions on dates within the period starting at `base`. */
export const offerTermsFrom = (base: number): fc.Arbitrary<OfferTerms> =>
  termsWith(fc.oneof({ weight: 3, arbitrary: weeklySession }, { weight: 1, arbitrary: datedSession(base) }));

export const visitFrom = (base: number) =>
  fc
    .record({ start: instantIn(base), minutes: fc.integer({ min: 1, max: 40 }).map((q) => q * 15) })
    .map((v) => ({
      start: new Date(v.start).toISOString(),
      end: new Date(v.start + v.minutes * MINUTE).toISOString(),
    }));

/** Either rule set: Agenda for Change (and the Working Time Regulations), or doctors in training. */
export const visitorRules: fc.Arbitrary<WorkingTimeRules> = fc.constantFrom(
  AGENDA_FOR_CHANGE_RULES,
  DOCTORS_IN_TRAINING_RULES,
);
