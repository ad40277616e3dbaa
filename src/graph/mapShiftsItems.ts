import { DateTime } from 'luxon';
import { defaultCodeMapping, lookUpCode } from '../domain/import/shiftCodes';
import type { IncomingShift } from '../domain/import/mergeShifts';
import type { Shift, ShiftKind } from '../domain/rota';

/** The parts of a Microsoft Shifts `shift` the bot reads: the shared (published) version only. */
export interface ShiftsShift {
  id?: string;
  userId?: string | null;
  sharedShift?: {
    displayName?: string | null;
    startDateTime?: string | null;
    endDateTime?: string | null;
  } | null;
}

export interface ShiftsTimeOff {
  id?: string;
  userId?: string | null;
  sharedTimeOff?: {
    timeOffReasonId?: string | null;
    startDateTime?: string | null;
    endDateTime?: string | null;
  } | null;
}

export interface ShiftsTimeOffReason {
  id: string;
  displayName?: string | null;
}

const HOUR_MS = 3_600_000;
const CODES = defaultCodeMapping();
const SICKNESS_WORDS = /\b(sick|sickness|ill|illness|unwell|medical|doctor|hospital|injury)\b/i;
const STUDY_WORDS = /\b(study|exam|course|training|cpd|teaching|conference)\b/i;
const ANNUAL_WORDS = /\b(annual|holidays?|vacation|a\/l)\b/i;

/** The code stored for time off: its kind only, never the reason a Trust's Shifts gives. */
const TIME_OFF_CODES: Readonly<Partial<Record<ShiftKind, string>>> = {
  annual_leave: 'Annual leave',
  study_leave: 'Study leave',
  absence: 'Time off',
};

/**
 * A published shift as a rota entry. Its name is read as a shift code where it is one ("Night",
 * "LD", "On call"); otherwise the times decide: six hours or more starting from 19:00 to 03:00
 * (London time) is a night, eleven hours or more a long day, anything else a duty.
 */
export function mapShift(item: ShiftsShift): IncomingShift | undefined {
  const times = readTimes(item.sharedShift?.startDateTime, item.sharedShift?.endDateTime);
  if (!times || !item.userId) return undefined;
  const name = item.sharedShift?.displayName?.trim() ?? '';
  const kind = (name && lookUpCode(CODES, name)) || kindFromTimes(times.start, times.end);
  return { personId: item.userId, shift: { ...toInstants(times), kind, code: codeOf(name, 'Shift') } };
}

/**
 * Time off as the kind of leave only: the reason's name is read to choose the kind and then
 * dropped, because a reason such as sickness is special-category health data. Study leave and
 * annual leave are kept as such (a visitor may choose to use them); anything else (sickness,
 * parental or compassionate leave, an unknown reason) becomes an absence, which blocks visits
 * without saying why.
 */
export function mapTimeOff(
  item: ShiftsTimeOff,
  reasons: ReadonlyMap<string, string>,
): IncomingShift | undefined {
  const times = readTimes(item.sharedTimeOff?.startDateTime, item.sharedTimeOff?.endDateTime);
  if (!times || !item.userId) return undefined;
  const kind = kindOfTimeOff(reasons.get(item.sharedTimeOff?.timeOffReasonId ?? '') ?? '');
  return { personId: item.userId, shift: { ...toInstants(times), kind, code: TIME_OFF_CODES[kind]! } };
}

function kindOfTimeOff(reason: string): ShiftKind {
  if (SICKNESS_WORDS.test(reason)) return 'absence';
  if (STUDY_WORDS.test(reason)) return 'study_leave';
  if (ANNUAL_WORDS.test(reason)) return 'annual_leave';
  return 'absence';
}

function kindFromTimes(start: number, end: number): ShiftKind {
  const hours = (end - start) / HOUR_MS;
  const startHour = DateTime.fromMillis(start, { zone: 'Europe/London' }).hour;
  if (hours >= 6 && (startHour >= 19 || startHour < 3)) return 'night';
  if (hours >= 11) return 'long_day';
  return 'duty';
}

function readTimes(start?: string | null, end?: string | null): { start: number; end: number } | undefined {
  const from = Date.parse(start ?? '');
  const to = Date.parse(end ?? '');
  return Number.isNaN(from) || Number.isNaN(to) || to <= from ? undefined : { start: from, end: to };
}

function toInstants(times: { start: number; end: number }): Pick<Shift, 'start' | 'end'> {
  return { start: new Date(times.start).toISOString(), end: new Date(times.end).toISOString() };
}

function codeOf(name: string, fallback: string): string {
  const code = name.replace(/\s+/g, ' ').trim().slice(0, 40);
  return code === '' ? fallback : code;
}
