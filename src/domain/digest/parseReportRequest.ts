import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { LONDON } from '../time/formatVisit';

/** A report's dates (London, both ends included) and, optionally, one department. */
export interface ReportRequest {
  from: string;
  to: string;
  department?: string;
}

export type ReportRequestResult = { ok: true; request: ReportRequest } | { ok: false; reason: string };

/** Days a report covers when no dates are given: the last four weeks up to today. */
export const DEFAULT_REPORT_DAYS = 28;
export const MAX_REPORT_YEARS = 3;
const MAX_DEPARTMENT_LENGTH = 100;

// Examples name no fixed dates, so none is ever in the future or years ago when it is read.
const EXAMPLE = 'Try "report", "report last month" or "report last week for Acute Medicine".';

/**
 * Reads "report from 1 Oct to 31 Oct for Acute Medicine", "report last month", "report for
 * Pharmacy" or "report 1/10/2025 - 31/10/2025" in Europe/London. A date without a year is the
 * latest one not after today. Reversed, unreadable or absurd ranges are refused, saying why.
 */
export function parseReportRequest(text: string, now: Date): ReportRequestResult {
  const today = DateTime.fromJSDate(now, { zone: LONDON }).startOf('day');
  const body = text.trim().replace(/^report\b\s*/i, '');
  const { datePart, department } = splitDepartment(body);
  const dates = readRange(datePart, today);
  if (!dates.ok) return dates;
  if (department !== undefined && department.length > MAX_DEPARTMENT_LENGTH)
    return { ok: false, reason: 'That department name is too long.' };
  return { ok: true, request: { ...dates.range, ...(department ? { department } : {}) } };
}

function splitDepartment(body: string): { datePart: string; department?: string } {
  const match = /(?:^|\s)(?:for|in|department|dept\.?)\s+(?:the\s+)?(.+?)\s*$/i.exec(body);
  if (!match || NAMED_WINDOWS.some((w) => w.pattern.test(match[1] as string))) return { datePart: body };
  const department = (match[1] as string).replace(/\s+/g, ' ').trim();
  return { datePart: body.slice(0, match.index).trim(), ...(department ? { department } : {}) };
}

const NAMED_WINDOWS: Array<{ pattern: RegExp; window: (today: DateTime) => [DateTime, DateTime] }> = [
  {
    pattern: /^last week$/i,
    window: (t) => [t.startOf('week').minus({ weeks: 1 }), t.startOf('week').minus({ days: 1 })],
  },
  { pattern: /^this week$/i, window: (t) => [t.startOf('week'), t] },
  {
    pattern: /^last month$/i,
    window: (t) => [t.startOf('month').minus({ months: 1 }), t.startOf('month').minus({ days: 1 })],
  },
  { pattern: /^this month$/i, window: (t) => [t.startOf('month'), t] },
  { pattern: /^this year$/i, window: (t) => [t.startOf('year'), t] },
];

type RangeResult = { ok: true; range: { from: string; to: string } } | { ok: false; reason: string };

function readRange(datePart: string, today: DateTime): RangeResult {
  const words = datePart.replace(/^(from|between|for|over)\s+/i, '').trim();
  if (words === '') return checked(today.minus({ days: DEFAULT_REPORT_DAYS - 1 }), today, today);
  const named = NAMED_WINDOWS.find((w) => w.pattern.test(words));
  if (named) return checked(...named.window(today), today);
  const sides = words.split(/\s+(?:to|until|till|and)\s+|\s*[-–]\s*(?=\d)/i);
  if (sides.length !== 2) return { ok: false, reason: `I could not read the dates in that. ${EXAMPLE}` };
  const start = readDay(sides[0] as string, today);
  const end = readDay(sides[1] as string, today);
  if (!start || !end) return { ok: false, reason: `I could not read the dates in that. ${EXAMPLE}` };
  let endDay = end.yearStated ? end.day : end.day.set({ year: start.day.year });
  // "1 Dec to 4 Jan": the end is in the next year.
  if (!end.yearStated && endDay < start.day && endDay.month < start.day.month)
    endDay = endDay.plus({ years: 1 });
  return checked(start.day, endDay, today);
}

function readDay(text: string, today: DateTime): { day: DateTime; yearStated: boolean } | undefined {
  const reference = new Date(today.year, today.month - 1, today.day, 12);
  const found = chrono.en.GB.parse(text.trim(), reference, { forwardDate: false })[0];
  if (!found || !found.start.isCertain('day') || !found.start.isCertain('month')) return undefined;
  const yearStated = found.start.isCertain('year');
  let day = DateTime.fromObject(
    {
      year: found.start.get('year') ?? today.year,
      month: found.start.get('month') ?? 1,
      day: found.start.get('day') ?? 1,
    },
    { zone: LONDON },
  );
  if (!day.isValid) return undefined;
  if (!yearStated) day = day.set({ year: today.year });
  if (!yearStated && day > today) day = day.minus({ years: 1 });
  return { day, yearStated };
}

function checked(from: DateTime, to: DateTime, today: DateTime): RangeResult {
  if (to < from)
    return {
      ok: false,
      reason: `The start, ${from.toFormat('d LLLL yyyy')}, is after the end, ${to.toFormat('d LLLL yyyy')}. Please give the earlier date first.`,
    };
  if (from > today)
    return { ok: false, reason: 'That period has not started yet, so there is nothing to report.' };
  if (to.diff(from, 'years').years > MAX_REPORT_YEARS)
    return {
      ok: false,
      reason: `A report can cover up to ${MAX_REPORT_YEARS} years. Please choose a shorter period.`,
    };
  return { ok: true, range: { from: from.toISODate() as string, to: to.toISODate() as string } };
}
