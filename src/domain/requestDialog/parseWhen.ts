import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Weekday } from '../offers';
import { LONDON } from '../time/formatVisit';

export type DayPart = 'am' | 'pm' | 'full_day';

/** A window of London calendar days, both ends included (YYYY-MM-DD). */
export interface DayWindow {
  from: string;
  to: string;
  /** Only these days of the week ("any Thursday in January"); every day when absent. */
  weekdays?: Weekday[];
}

export type WhenResult = { ok: true; window: DayWindow; part?: DayPart } | { ok: false; reason: string };

export const MAX_MONTHS_AHEAD = 6;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Reads when someone would like to visit, in their own words and in Europe/London: "next Tuesday
 * morning", "3rd March", "next week", "12/03", "tomorrow afternoon". Refuses impossible dates,
 * dates that have passed and dates more than six months ahead, saying why.
 */
export function parseWhen(text: string, now: Date): WhenResult {
  const lower = text.toLowerCase();
  const today = DateTime.fromJSDate(now, { zone: LONDON }).startOf('day');
  const part = readDayPart(lower);

  const impossible = findImpossibleDate(lower, today);
  if (impossible)
    return { ok: false, reason: `${impossible} is not a real date. Please check the day and month.` };

  const window = readNamedWindow(lower, today) ?? readDate(text, now);
  if (!window) {
    return {
      ok: false,
      reason: 'I could not read a date in that. Try "next Tuesday morning", "3 March" or "next week".',
    };
  }
  return checkWindow(window, today, part);
}

function readDayPart(lower: string): DayPart | undefined {
  if (/\b(all|full|whole) day\b/.test(lower)) return 'full_day';
  if (/\bmorning\b|\bam\b/.test(lower)) return 'am';
  if (/\bafternoon\b|\bpm\b/.test(lower)) return 'pm';
  return undefined;
}

function findImpossibleDate(lower: string, today: DateTime): string | undefined {
  const named =
    /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/.exec(
      lower,
    );
  const numeric = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/.exec(lower);
  const candidates: Array<{ day: number; month: number; year: number; label: string }> = [];
  if (named) {
    const month = MONTHS.indexOf(named[2] as string) + 1;
    candidates.push({
      day: Number(named[1]),
      month,
      year: today.year,
      label: `${named[1]} ${MONTH_NAMES[month - 1]}`,
    });
  }
  if (numeric) {
    const year = numeric[3] ? Number(numeric[3].length === 2 ? `20${numeric[3]}` : numeric[3]) : today.year;
    candidates.push({ day: Number(numeric[1]), month: Number(numeric[2]), year, label: numeric[0] });
  }
  const bad = candidates.find((c) => c.month < 1 || c.month > 12 || !isRealDay(c.day, c.month, c.year));
  return bad?.label;
}

/** 29 February counts as real if it exists this year or next (the visit may be next year). */
function isRealDay(day: number, month: number, year: number): boolean {
  return [year, year + 1].some((y) => DateTime.fromObject({ year: y, month, day }).isValid);
}

function readNamedWindow(lower: string, today: DateTime): DayWindow | undefined {
  const monday = today.startOf('week');
  if (/\bthis week\b/.test(lower)) return days(today, monday.plus({ days: 6 }));
  if (/\b(week after next|in (two|2) weeks)\b/.test(lower))
    return days(monday.plus({ weeks: 2 }), monday.plus({ weeks: 2, days: 6 }));
  if (/\bnext week\b/.test(lower)) return days(monday.plus({ weeks: 1 }), monday.plus({ weeks: 1, days: 6 }));
  if (/\bthis month\b/.test(lower)) return days(today, today.endOf('month'));
  if (/\bnext month\b/.test(lower)) {
    const first = today.plus({ months: 1 }).startOf('month');
    return days(first, first.endOf('month'));
  }
  return undefined;
}

function readDate(text: string, now: Date): DayWindow | undefined {
  const results = chrono.en.GB.parse(text, londonWallClock(now), { forwardDate: true });
  const found = results.find((r) => r.start.isCertain('day') || r.start.isCertain('weekday'));
  if (!found) return undefined;
  const start = toLondonDay(found.start);
  const end = found.end ? toLondonDay(found.end) : start;
  if (!start.isValid || !end.isValid) return undefined;
  return days(start, end < start ? start : end);
}

/**
 * chrono reads relative words ("tomorrow") in the process's own time zone. Handing it a Date whose
 * local fields are London's wall clock makes "tomorrow" mean tomorrow in London on any server.
 */
function londonWallClock(now: Date): Date {
  const london = DateTime.fromJSDate(now, { zone: LONDON });
  return new Date(london.year, london.month - 1, london.day, london.hour, london.minute);
}

function toLondonDay(component: chrono.ParsedComponents): DateTime {
  return DateTime.fromObject(
    {
      year: component.get('year') ?? undefined,
      month: component.get('month') ?? undefined,
      day: component.get('day') ?? undefined,
    },
    { zone: LONDON },
  );
}

function days(from: DateTime, to: DateTime): DayWindow {
  return { from: from.toISODate() as string, to: to.toISODate() as string };
}

function checkWindow(window: DayWindow, today: DateTime, part: DayPart | undefined): WhenResult {
  const latest = today.plus({ months: MAX_MONTHS_AHEAD });
  const from = DateTime.fromISO(window.from, { zone: LONDON });
  const to = DateTime.fromISO(window.to, { zone: LONDON });
  if (to < today)
    return { ok: false, reason: 'That date has passed. Please choose a day from today onwards.' };
  if (from > latest) {
    return {
      ok: false,
      reason: `I can only arrange visits up to ${MAX_MONTHS_AHEAD} months ahead, so up to ${latest.toFormat('d LLLL yyyy')}.`,
    };
  }
  const clipped = {
    from: (from < today ? today : from).toISODate() as string,
    to: (to > latest ? latest : to).toISODate() as string,
  };
  return { ok: true, window: clipped, ...(part ? { part } : {}) };
}
