import type { OfferedSession, SessionPart, Weekday } from '../../../../src/domain/offers';
import type { Shift, ShiftKind } from '../../../../src/domain/rota';
import type { CheckVisitInput, OfferTerms } from '../../../../src/domain/clash';
import { toLondonInstant, toLondonIso } from '../../../../src/domain/time/londonTime';

/** Epoch ms of a London wall-clock time written 'YYYY-MM-DD HH:MM'. */
export function at(london: string): number {
  const [date, time] = london.split(' ');
  return toLondonInstant(date as string, time as string);
}

/** The same instant as ISO-8601 with the London offset, as clashes report it. */
export const londonIso = (london: string): string => toLondonIso(at(london));

/** A rota entry between two London wall-clock times, stored as UTC ISO strings like the importer does. */
export function shift(kind: ShiftKind, from: string, to: string, code = 'ZQ9'): Shift {
  return { kind, code, start: new Date(at(from)).toISOString(), end: new Date(at(to)).toISOString() };
}

/** A night shift from 20:00 on `date` to 08:00 the next morning. */
export function night(date: string, nextDate: string): Shift {
  return shift('night', `${date} 20:00`, `${nextDate} 08:00`, 'N');
}

export function offer(
  sessions: Array<[Weekday, SessionPart]>,
  overrides: Partial<OfferTerms> = {},
): OfferTerms {
  const offered: OfferedSession[] = sessions.map(([weekday, part]) => ({ weekday, part }));
  return { sessions: offered, capacityPerWeek: 5, capacityPerMonth: 20, status: 'active', ...overrides };
}

export function visitInput(from: string, to: string, rest: Partial<CheckVisitInput> = {}): CheckVisitInput {
  return { start: londonIso(from), end: londonIso(to), visitorShifts: [], ...rest };
}

export function booking(requestId: string, from: string, to: string) {
  return { requestId, start: londonIso(from), end: londonIso(to) };
}

/** Text a tired reader must never see. */
export const BROKEN_TEXT = /undefined|NaN|Invalid|null|\[object/;
