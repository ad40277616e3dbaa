import type { Shift, ShiftKind } from '../rota';
import { normaliseEmail, quoteValue } from './cleanText';
import type { ParsedShift, RowError, ShiftImport } from './parseRotaCsv';
import { readIcsLines, splitIcsList, unescapeIcsText, type IcsProperty } from './readIcsLines';
import { defaultCodeMapping, lookUpCode, normaliseCode, type CodeMapping } from './shiftCodes';
import {
  addCalendarDays,
  formatCalendarDate,
  readCompactDate,
  type CalendarDate,
  type WallTime,
} from '../time/calendarDate';
import { checkLondonWallClock, LONDON_ZONE, type LondonInstantReading } from '../time/londonTime';
import { createZoneClock } from '../time/zoneClock';

export interface IcsParseOptions {
  /** Whose rota this is: an iCalendar file holds one person's shifts. */
  email: string;
  codes?: CodeMapping;
  isKnownEmail?: (email: string) => boolean;
}

/** Outlook and Windows name the UK zone differently. */
const ZONE_ALIASES: Record<string, string> = {
  'GMT STANDARD TIME': LONDON_ZONE,
  GB: LONDON_ZONE,
  'EUROPE/LONDON': LONDON_ZONE,
};
const MAX_ALL_DAY_DAYS = 366;
const DAY_MS = 86_400_000;

type EventTime = { kind: 'date'; date: CalendarDate } | { kind: 'instant'; at: number };

/**
 * Reads one person's rota from iCalendar text. The person is given by the caller (one file per
 * person); ATTENDEE and organiser properties are ignored.
 *
 * Each VEVENT is a shift. DTSTART/DTEND may be UTC ("...Z"), wall-clock with a TZID (Europe/London,
 * or its Windows name "GMT Standard Time"; other IANA zones also work), floating (read as
 * Europe/London) or all-day (VALUE=DATE, end exclusive; a multi-day event becomes one whole-day
 * shift per London day). DURATION may replace DTEND. The shift code is the first CATEGORIES value
 * found in the code mapping, otherwise SUMMARY. Cancelled events are skipped; repeating events
 * (RRULE) are bad rows. Errors carry the line of the event's BEGIN:VEVENT.
 */
export function parseIcs(text: string, options: IcsParseOptions): ShiftImport {
  const email = normaliseEmail(options.email);
  if (!email) return fail(`${quoteValue(options.email)} is not a valid email address`);
  if (options.isKnownEmail && !options.isKnownEmail(email)) {
    return fail(`no one with email ${quoteValue(email)} is in the staff directory`);
  }
  const lines = readIcsLines(text);
  const first = lines[0];
  if (!first?.ok || first.property.name !== 'BEGIN' || first.property.value.toUpperCase() !== 'VCALENDAR') {
    return fail('this is not an iCalendar file (it must start with BEGIN:VCALENDAR)');
  }
  const codes = options.codes ?? defaultCodeMapping();
  const rows: ParsedShift[] = [];
  const errors: RowError[] = [];
  const stack: string[] = [];
  let event: { line: number; props: Map<string, IcsProperty> } | undefined;
  for (const item of lines) {
    if (!item.ok) {
      errors.push({ line: item.line, reason: 'the line is not an iCalendar property (NAME:value)' });
      continue;
    }
    const { name, value, line } = item.property;
    if (name === 'BEGIN') {
      stack.push(value.toUpperCase());
      if (value.toUpperCase() === 'VEVENT') event = { line, props: new Map() };
    } else if (name === 'END') {
      const closed = stack.pop();
      if (closed === 'VEVENT' && event) {
        readEvent(event.props, codes, event.line, rows, errors, email);
        event = undefined;
      }
    } else if (event && stack[stack.length - 1] === 'VEVENT' && !event.props.has(name)) {
      event.props.set(name, item.property);
    }
  }
  if (event) errors.push({ line: event.line, reason: 'the event is never closed (no END:VEVENT)' });
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

function fail(reason: string): ShiftImport {
  return { rows: [], errors: [{ line: 1, reason }] };
}

function readEvent(
  props: Map<string, IcsProperty>,
  codes: CodeMapping,
  line: number,
  rows: ParsedShift[],
  errors: RowError[],
  email: string,
): void {
  if (props.get('STATUS')?.value.trim().toUpperCase() === 'CANCELLED') return;
  const problems: string[] = [];
  if (props.has('RRULE'))
    problems.push('repeating events (RRULE) are not supported; export each shift as its own event');
  const code = readCode(props, codes, problems);
  const shifts = readTimes(props, problems);
  if (problems.length > 0 || !code || !shifts) {
    errors.push({ line, reason: problems.join('; ') });
    return;
  }
  for (const [start, end] of shifts) {
    const shift: Shift = {
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      kind: code.kind,
      code: code.code,
    };
    rows.push({ email, shift, line });
  }
}

function readCode(props: Map<string, IcsProperty>, codes: CodeMapping, problems: string[]) {
  const categories = splitIcsList(props.get('CATEGORIES')?.value ?? '');
  const summary = unescapeIcsText(props.get('SUMMARY')?.value ?? '').trim();
  for (const candidate of [...categories, summary]) {
    const kind: ShiftKind | undefined = candidate === '' ? undefined : lookUpCode(codes, candidate);
    if (kind) return { kind, code: normaliseCode(candidate) };
  }
  const shown = summary !== '' ? summary : categories[0];
  problems.push(
    shown === undefined
      ? 'the event has no SUMMARY or CATEGORIES to hold its shift code'
      : `code ${quoteValue(shown)} is not in the code mapping (SUMMARY or CATEGORIES must hold the shift code)`,
  );
  return undefined;
}

function readTimes(props: Map<string, IcsProperty>, problems: string[]): [number, number][] | undefined {
  const startProp = props.get('DTSTART');
  if (!startProp) {
    problems.push('the event has no DTSTART');
    return undefined;
  }
  const start = readEventTime(startProp, problems);
  const endProp = props.get('DTEND');
  const durationProp = props.get('DURATION');
  if (!start) return undefined;
  if (start.kind === 'date') {
    const end = endProp
      ? readEventTime(endProp, problems)
      : { kind: 'date' as const, date: addCalendarDays(start.date, 1) };
    if (!end) return undefined;
    if (end.kind !== 'date') {
      problems.push('DTSTART is a date but DTEND has a time; give both as dates or both with times');
      return undefined;
    }
    return wholeDays(start.date, end.date, problems);
  }
  const end = endProp ? readEventTime(endProp, problems) : readDuration(start.at, durationProp, problems);
  if (!end) return undefined;
  if (end.kind !== 'instant') {
    problems.push('DTSTART has a time but DTEND is a date; give both as dates or both with times');
    return undefined;
  }
  if (end.at <= start.at) {
    problems.push('the event ends at or before it starts');
    return undefined;
  }
  return [[start.at, end.at]];
}

function wholeDays(
  first: CalendarDate,
  endExclusive: CalendarDate,
  problems: string[],
): [number, number][] | undefined {
  const dayNumber = (date: CalendarDate) => Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
  const days = Math.round(dayNumber(endExclusive) - dayNumber(first));
  if (days < 1) {
    problems.push('the all-day event ends on or before its first day (DTEND is the day after the last day)');
    return undefined;
  }
  if (days > MAX_ALL_DAY_DAYS) {
    problems.push(`the all-day event lasts ${days} days; split anything longer than a year`);
    return undefined;
  }
  const midnight = { hour: 0, minute: 0 };
  const shifts: [number, number][] = [];
  for (let index = 0; index < days; index += 1) {
    const start = checkLondonWallClock(addCalendarDays(first, index), midnight);
    const end = checkLondonWallClock(addCalendarDays(first, index + 1), midnight);
    if (start.ok && end.ok) shifts.push([start.instant, end.instant]);
  }
  return shifts;
}

function readEventTime(prop: IcsProperty, problems: string[]): EventTime | undefined {
  const value = prop.value.trim();
  if (prop.params.VALUE?.toUpperCase() === 'DATE' || /^\d{8}$/.test(value)) {
    const date = readCompactDate(value);
    if (!date) problems.push(`${prop.name} ${quoteValue(value)} is not a real date (use YYYYMMDD)`);
    return date ? { kind: 'date', date } : undefined;
  }
  const match = /^(\d{8})T(\d{2})(\d{2})(\d{2})(Z?)$/i.exec(value);
  const date = match ? readCompactDate(match[1] ?? '') : undefined;
  const [hour, minute, second] = [Number(match?.[2]), Number(match?.[3]), Number(match?.[4])];
  if (!match || !date || hour > 23 || minute > 59 || second > 59) {
    problems.push(`${prop.name} ${quoteValue(value)} is not a real date and time (use YYYYMMDDTHHMMSS)`);
    return undefined;
  }
  if (match[5])
    return { kind: 'instant', at: Date.UTC(date.year, date.month - 1, date.day, hour, minute, second) };
  const zoneName = prop.params.TZID ?? LONDON_ZONE;
  const reading = readZoneWallClock(ZONE_ALIASES[zoneName.toUpperCase()] ?? zoneName, date, { hour, minute });
  if (!reading) {
    problems.push(`${prop.name} uses time zone ${quoteValue(zoneName)}, which is not known`);
    return undefined;
  }
  if (!reading.ok) {
    problems.push(`${prop.name} ${reading.problem}`);
    return undefined;
  }
  return { kind: 'instant', at: reading.instant + second * 1000 };
}

/** Europe/London by the London rule; another zone by the same rule; undefined for an unknown zone. */
function readZoneWallClock(
  zone: string,
  date: CalendarDate,
  time: WallTime,
): LondonInstantReading | undefined {
  if (zone === LONDON_ZONE) return checkLondonWallClock(date, time);
  const clock = zoneClock(zone);
  if (!clock) return undefined;
  const instant = clock.toInstant(date, time);
  if (instant !== undefined) return { ok: true, instant };
  const wall = `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
  return {
    ok: false,
    problem: `${wall} on ${formatCalendarDate(date)} does not exist in that time zone (the clocks go forward that night)`,
  };
}

function readDuration(
  start: number,
  prop: IcsProperty | undefined,
  problems: string[],
): EventTime | undefined {
  if (!prop) {
    problems.push('the event has no DTEND or DURATION');
    return undefined;
  }
  const match = /^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(
    prop.value.trim(),
  );
  if (!match || prop.value.trim().toUpperCase() === 'P' || prop.value.trim().toUpperCase().endsWith('T')) {
    problems.push(`DURATION ${quoteValue(prop.value)} is not a duration such as PT8H30M`);
    return undefined;
  }
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  const ms =
    ((((weeks ?? 0) * 7 + (days ?? 0)) * 24 + (hours ?? 0)) * 60 + (minutes ?? 0)) * 60_000 +
    (seconds ?? 0) * 1000;
  return { kind: 'instant', at: start + ms };
}

const clocks = new Map<string, ReturnType<typeof createZoneClock>>();

function zoneClock(name: string): ReturnType<typeof createZoneClock> {
  if (!clocks.has(name)) clocks.set(name, createZoneClock(name));
  return clocks.get(name);
}
