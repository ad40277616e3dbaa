import type { Shift, ShiftKind } from '../rota';
import { normaliseEmail, quoteValue } from './cleanText';
import { readCsvRecords, type RowError } from './readCsvRecords';
import { defaultCodeMapping, lookUpCode, normaliseCode, type CodeMapping } from './shiftCodes';
import {
  addCalendarDays,
  readIsoDate,
  readWallTime,
  type CalendarDate,
  type WallTime,
} from '../time/calendarDate';
import { checkLondonWallClock } from '../time/londonTime';

export type { RowError } from './readCsvRecords';

export interface ParsedShift {
  email: string;
  shift: Shift;
  /** The file line the shift came from. */
  line: number;
}

export interface ShiftImport {
  rows: ParsedShift[];
  errors: RowError[];
}

export interface RotaParseOptions {
  /** Code mapping; the default mapping when not given. */
  codes?: CodeMapping;
  /** When given, rows for anyone it does not recognise are bad rows. */
  isKnownEmail?: (email: string) => boolean;
}

export const ROTA_COLUMNS = ['staff_email', 'date', 'start', 'end', 'code'] as const;

/** A membership test over directory emails, ignoring case. */
export function knownEmailCheck(emails: Iterable<string>): (email: string) => boolean {
  const known = new Set<string>();
  for (const email of emails) known.add(email.trim().toLowerCase());
  return (email) => known.has(email.trim().toLowerCase());
}

/**
 * Reads a rota CSV with header staff_email,date,start,end,code.
 *
 * - `date` is the London day the shift starts (YYYY-MM-DD).
 * - `start` and `end` are Europe/London wall-clock times (HH:MM); an end at or before the start
 *   is on the next day. Both empty means the whole London day (leave, rest days).
 * - A wall time skipped when the clocks go forward (e.g. 01:30 on 29 March 2026) is a bad row. A
 *   wall time that happens twice when the clocks go back (01:00 to 01:59 on 25 October 2026) is
 *   read as its first occurrence, still on British Summer Time.
 *
 * Every bad row is listed with its line and reason; good rows are returned alongside, so the
 * caller decides between all-or-nothing and importing the good rows.
 */
export function parseRotaCsv(text: string, options: RotaParseOptions = {}): ShiftImport {
  const codes = options.codes ?? defaultCodeMapping();
  const { records, errors } = readCsvRecords(text, ROTA_COLUMNS);
  const readEmail = createEmailReader(options.isKnownEmail);
  const rows: ParsedShift[] = [];
  for (const { line, values } of records) {
    const problems: string[] = [];
    const email = readEmail(values.staff_email ?? '', problems);
    const kind = readKind(values.code ?? '', codes, problems);
    const times = readShiftTimes(values.date ?? '', values.start ?? '', values.end ?? '', problems);
    if (problems.length > 0 || !email || !kind || !times) {
      errors.push({ line, reason: problems.join('; ') });
      continue;
    }
    const shift: Shift = { start: times.start, end: times.end, kind, code: normaliseCode(values.code ?? '') };
    rows.push({ email, shift, line });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

function createEmailReader(isKnownEmail?: (email: string) => boolean) {
  const seen = new Map<string, string | undefined>();
  return (value: string, problems: string[]): string | undefined => {
    if (value === '') {
      problems.push('staff_email is empty');
      return undefined;
    }
    let email = seen.get(value);
    if (!seen.has(value)) {
      email = normaliseEmail(value);
      seen.set(value, email);
    }
    if (!email) problems.push(`staff_email ${quoteValue(value)} is not a valid email address`);
    else if (isKnownEmail && !isKnownEmail(email)) {
      problems.push(`no one with email ${quoteValue(email)} is in the staff directory`);
    }
    return email;
  };
}

function readKind(code: string, codes: CodeMapping, problems: string[]): ShiftKind | undefined {
  if (code === '') {
    problems.push('code is empty');
    return undefined;
  }
  const kind = lookUpCode(codes, code);
  if (!kind) problems.push(`code ${quoteValue(code)} is not in the code mapping`);
  return kind;
}

function readShiftTimes(dateText: string, startText: string, endText: string, problems: string[]) {
  const date = readDate(dateText, problems);
  if (startText === '' && endText === '') return date ? wholeDay(date, problems) : undefined;
  if (startText === '' || endText === '') {
    const given = startText === '' ? 'end' : 'start';
    problems.push(
      `${given} is given but ${given === 'end' ? 'start' : 'end'} is empty (give both, or neither for a whole day)`,
    );
    return undefined;
  }
  const start = readTime('start', startText, problems);
  const end = readTime('end', endText, problems);
  if (!date || !start || !end) return undefined;
  const endsNextDay = end.hour * 60 + end.minute <= start.hour * 60 + start.minute;
  const startAt = toInstant('start', date, start, problems);
  const endAt = toInstant('end', endsNextDay ? addCalendarDays(date, 1) : date, end, problems);
  if (startAt === undefined || endAt === undefined) return undefined;
  return { start: new Date(startAt).toISOString(), end: new Date(endAt).toISOString() };
}

function readDate(text: string, problems: string[]): CalendarDate | undefined {
  const date = readIsoDate(text);
  if (date) return date;
  if (text === '') problems.push('date is empty');
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) problems.push(`date ${text} is not a real date`);
  else problems.push(`date ${quoteValue(text)} is not in the form YYYY-MM-DD`);
  return undefined;
}

function readTime(name: string, text: string, problems: string[]): WallTime | undefined {
  const time = readWallTime(text);
  if (!time)
    problems.push(`${name} time ${quoteValue(text)} is not a time of day (use HH:MM, 00:00 to 23:59)`);
  return time;
}

function toInstant(name: string, date: CalendarDate, time: WallTime, problems: string[]): number | undefined {
  const reading = checkLondonWallClock(date, time);
  if (reading.ok) return reading.instant;
  problems.push(`${name} time ${reading.problem}`);
  return undefined;
}

function wholeDay(date: CalendarDate, problems: string[]) {
  const midnight = { hour: 0, minute: 0 };
  const start = toInstant('start', date, midnight, problems);
  const end = toInstant('end', addCalendarDays(date, 1), midnight, problems);
  if (start === undefined || end === undefined) return undefined;
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}
