import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Weekday } from '../offers';
import { LONDON } from '../time/formatVisit';
import { MONTH_NAMES, normaliseDateWords } from './when/dateWords';
import { readNamedDay } from './when/namedDays';
import { readNamedWindow, type DayRange } from './when/namedWindows';
import { readDayPart, type DayPart } from './when/readDayPart';
import { GUESSED_WINDOW_DAYS } from './moveOn';
import { narrowToWeekdays, readWeekdayWish } from './when/weekdayFilter';

export type { DayPart } from './when/readDayPart';

/** A window of London calendar days, both ends included (YYYY-MM-DD). */
export interface DayWindow {
  from: string;
  to: string;
  /** Only these days of the week ("any Thursday in January"); every day when absent. */
  weekdays?: Weekday[];
}

export type WhenResult =
  { ok: true; window: DayWindow; part?: DayPart } | { ok: false; reason: string; found: boolean };

export const MAX_MONTHS_AHEAD = 6;

const PASSED = 'That date has passed. Please choose a day from today onwards.';

/**
 * Reads when someone would like to visit, in their own words and in Europe/London: "next Tuesday
 * morning", "3rd March", "next week", "w/c 14th", "after Christmas", "any Thursday in January",
 * "12/03", "tomorrow afternoon". Refuses impossible dates, dates that have passed and dates more
 * than six months ahead, saying why (`found` is then true: the text named a date, a wrong one).
 */
export function parseWhen(text: string, now: Date): WhenResult {
  const lower = normaliseDateWords(text);
  const today = DateTime.fromJSDate(now, { zone: LONDON }).startOf('day');
  const part = readDayPart(lower);

  const impossible = findImpossibleDate(lower, today);
  if (impossible)
    return {
      ok: false,
      found: true,
      reason: `${impossible} is not a real date. Please check the day and month.`,
    };
  if (/\b(yesterday|last (week|month|night|mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b/.test(lower))
    return { ok: false, found: true, reason: PASSED };

  const wish = readWeekdayWish(lower);
  const range = readNamedWindow(wish.withoutExclusions, today);
  const window = range
    ? narrowToWeekdays(range, lower)
    : (readOneDay(wish.withoutExclusions, text, now, today) ??
      (wish.open ? openWindow(today, wish.weekdays) : undefined));
  const passedThisYear = window && !range && checkPassedThisYear(window.from, lower, today);
  if (passedThisYear) return { ok: false, found: true, reason: passedThisYear };
  if (!window) {
    return {
      ok: false,
      found: false,
      reason: 'I could not read a date in that. Try "next Tuesday morning", "3 March" or "next week".',
    };
  }
  return checkWindow(window, today, part);
}

/** "Any weekday but Monday" with no week or month named: the days searched without dates, on those days. */
function openWindow(today: DateTime, weekdays: Weekday[] | undefined): DayRange & { weekdays?: Weekday[] } {
  const tomorrow = today.plus({ days: 1 });
  return {
    from: tomorrow,
    to: tomorrow.plus({ days: GUESSED_WINDOW_DAYS - 1 }),
    ...(weekdays ? { weekdays } : {}),
  };
}

function readOneDay(lower: string, text: string, now: Date, today: DateTime): DayRange | undefined {
  const day = readNamedDay(lower, today);
  if (day) return { from: day, to: day };
  return readChronoDate(text, now);
}

/**
 * A day and month without a year that has passed is read as the next one; when that is beyond
 * the furthest date we arrange, the person most likely meant the one that has just passed.
 */
function checkPassedThisYear(day: DateTime, lower: string, today: DateTime): string | undefined {
  const latest = today.plus({ months: MAX_MONTHS_AHEAD });
  const yearGiven = /\b(19|20)\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(lower);
  if (yearGiven || day <= latest || day.minus({ years: 1 }) >= today) return undefined;
  return `${day.toFormat('d LLLL')} has passed, and the next one is more than ${MAX_MONTHS_AHEAD} months ahead. Please choose a day from today up to ${latest.toFormat('d LLLL yyyy')}.`;
}

function findImpossibleDate(lower: string, today: DateTime): string | undefined {
  const noSuchDay = /\b(?:on|from|the|w\/c|wc)\s+(?:the\s+)?((?:3[2-9]|[4-9]\d|0)(?:st|nd|rd|th))\b/.exec(
    lower,
  );
  if (noSuchDay) return `The ${noSuchDay[1]}`;
  const named =
    /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/.exec(
      lower,
    );
  const numeric = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/.exec(lower);
  const candidates: Array<{ day: number; month: number; year: number; label: string }> = [];
  if (named) {
    const month = MONTH_NAMES.findIndex((m) => m.startsWith(named[2] as string)) + 1;
    const name = MONTH_NAMES[month - 1] as string;
    candidates.push({
      day: Number(named[1]),
      month,
      year: today.year,
      label: `${named[1]} ${name.charAt(0).toUpperCase()}${name.slice(1)}`,
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

/** Other ways of writing a date with numbers in it ("2027-01-12", "Jan 12 2027"), through chrono. */
function readChronoDate(text: string, now: Date): DayRange | undefined {
  const results = chrono.en.GB.parse(text, londonWallClock(now), { forwardDate: true });
  const found = results.find((r) => r.start.isCertain('day') && /\d/.test(r.text));
  if (!found) return undefined;
  const start = toLondonDay(found.start);
  const end = found.end ? toLondonDay(found.end) : start;
  if (!start.isValid || !end.isValid) return undefined;
  return { from: start, to: end < start ? start : end };
}

/**
 * chrono reads relative words in the process's own time zone. Handing it a Date whose local
 * fields are London's wall clock makes them mean London days on any server.
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

function checkWindow(
  window: DayRange & { weekdays?: Weekday[] },
  today: DateTime,
  part: DayPart | undefined,
): WhenResult {
  const latest = today.plus({ months: MAX_MONTHS_AHEAD });
  if (window.to < today) return { ok: false, found: true, reason: PASSED };
  if (window.from > latest) {
    return {
      ok: false,
      found: true,
      reason: `I can only arrange visits up to ${MAX_MONTHS_AHEAD} months ahead, so up to ${latest.toFormat('d LLLL yyyy')}.`,
    };
  }
  const clipped: DayWindow = {
    from: (window.from < today ? today : window.from).toISODate() as string,
    to: (window.to > latest ? latest : window.to).toISODate() as string,
    ...(window.weekdays ? { weekdays: window.weekdays } : {}),
  };
  return { ok: true, window: clipped, ...(part ? { part } : {}) };
}
