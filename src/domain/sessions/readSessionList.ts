import type { OfferedSession, SessionPart, Weekday } from '../offers';
import { WEEKDAYS } from '../time/londonTime';
import { partOfDay } from './sessionTimes';

export type SessionListReading = { ok: true; sessions: OfferedSession[] } | { ok: false; problem: string };

const DAYS: ReadonlyArray<[RegExp, Weekday]> = [
  [/^mon(day)?s?$/, 'mon'],
  [/^tue(s|sday)?s?$/, 'tue'],
  [/^wed(s|nesday)?s?$/, 'wed'],
  [/^thu(r|rs|rsday)?s?$/, 'thu'],
  [/^fri(day)?s?$/, 'fri'],
  [/^sat(urday)?s?$/, 'sat'],
  [/^sun(day)?s?$/, 'sun'],
];
const PARTS: ReadonlyArray<[RegExp, SessionPart]> = [
  [/^(am|mornings?)$/, 'am'],
  [/^(pm|afternoons?)$/, 'pm'],
  [/^(full[_ -]?days?|all[_ -]?day|whole[_ -]?day)$/, 'full_day'],
];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMES = /^([01]?\d|2[0-3]):([0-5]\d)\s*(?:-|–|to)\s*([01]?\d|2[0-3]):([0-5]\d)$/;
const EXAMPLES = 'such as "tue am", "wed 07:45-12:00" or "2027-01-14 10:00-13:00"';

const pad = (text: string): string => text.padStart(2, '0');

function readDay(word: string): Weekday | undefined {
  return DAYS.find(([pattern]) => pattern.test(word))?.[1];
}

function readPart(text: string): SessionPart | undefined {
  return PARTS.find(([pattern]) => pattern.test(text))?.[1];
}

function readDate(word: string): string | undefined {
  const match = DATE.exec(word);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day ? word : undefined;
}

type TimesReading = { start: string; end: string } | { problem: string };

function readTimes(text: string): TimesReading | undefined {
  const match = TIMES.exec(text);
  if (!match) return undefined;
  const start = `${pad(match[1] as string)}:${match[2]}`;
  const end = `${pad(match[3] as string)}:${match[4]}`;
  return start < end ? { start, end } : { problem: `"${text}" ends before it starts` };
}

/** One session: a day or a date, then a part of the day or times. */
function readOne(item: string): OfferedSession | { problem: string } {
  const [first = '', ...rest] = item.split(/\s+/);
  const when = rest.join(' ');
  const weekday = readDay(first);
  const date = weekday ? undefined : readDate(first);
  if (!weekday && !date) {
    return DATE.test(first)
      ? { problem: `"${first}" is not a real date` }
      : { problem: `"${item}" does not start with a day or a date (YYYY-MM-DD)` };
  }
  const times = readTimes(when);
  if (times && 'problem' in times) return times;
  const part = readPart(when);
  if (!times && !part) return { problem: `"${item}" needs am, pm, full_day or times such as 09:00-13:00` };
  if (weekday)
    return times ? { weekday, part: partOfDay(times), ...times } : { weekday, part: part as SessionPart };
  const own = times ?? defaultTimes(part as SessionPart);
  return { date: date as string, ...own };
}

function defaultTimes(part: SessionPart): { start: string; end: string } {
  return {
    am: { start: '09:00', end: '13:00' },
    pm: { start: '13:00', end: '17:00' },
    full_day: { start: '09:00', end: '17:00' },
  }[part];
}

function sortKey(session: OfferedSession): string {
  return 'date' in session
    ? `2 ${session.date} ${session.start}`
    : `1 ${WEEKDAYS.indexOf(session.weekday)} ${session.start ?? session.part}`;
}

/**
 * Reads a list of sessions separated by ";": "tue am; thu full_day; wed 07:45-12:00;
 * 2027-01-14 10:00-13:00". Days may be written out ("Tuesday"), parts as "morning" or
 * "afternoon". A session on a date keeps its times (a part of the day gives its usual times).
 * Repeats are dropped. The first problem is said in plain words.
 */
export function readSessionList(text: string): SessionListReading {
  const items = text
    .split(';')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
  if (items.length === 0) return { ok: false, problem: `no sessions are given; list them ${EXAMPLES}` };
  const sessions = new Map<string, OfferedSession>();
  for (const item of items) {
    const session = readOne(item);
    if ('problem' in session) return { ok: false, problem: `${session.problem}; write sessions ${EXAMPLES}` };
    sessions.set(JSON.stringify(session), session);
  }
  return { ok: true, sessions: [...sessions.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b))) };
}
