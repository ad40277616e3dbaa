import type { OfferedSession, SessionPart, Weekday } from '../offers';
import { readSessionList } from '../sessions/readSessionList';

/** Times ("wed 07:45-12:00") or dates ("2027-01-14 10:00-13:00") are read as a list of sessions. */
const OWN_TIMES_OR_DATES = /\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}/;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const DAY_PATTERNS: Array<[RegExp, Weekday[]]> = [
  [/^(week ?days?|mon(day)?s? ?(to|-|–) ?fri(day)?s?)$/, ['mon', 'tue', 'wed', 'thu', 'fri']],
  [/^(every ?day|each day)$/, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']],
  [/^(weekends?)$/, ['sat', 'sun']],
  [/^mon(day)?s?$/, ['mon']],
  [/^tue(s|sday)?s?$/, ['tue']],
  [/^wed(s|nesday)?s?$/, ['wed']],
  [/^thu(r|rs|rsday)?s?$/, ['thu']],
  [/^fri(day)?s?$/, ['fri']],
  [/^sat(urday)?s?$/, ['sat']],
  [/^sun(day)?s?$/, ['sun']],
];

const PART_PATTERNS: Array<[RegExp, SessionPart]> = [
  [/^(mornings?|am)$/, 'am'],
  [/^(afternoons?|pm)$/, 'pm'],
  [/^((full|whole|all)[ -]?days?)$/, 'full_day'],
];

/** Words and phrases that name days or parts of a day, in the order they appear. */
const TOKEN =
  /(mon(?:day)?s? ?(?:to|-|–) ?fri(?:day)?s?|(?:full|whole|all)[ -]?days?|every ?day|each day|week ?days?|[a-z.]+)/g;

type Token = { days: Weekday[] } | { part: SessionPart };

export type SessionsReading = { sessions: OfferedSession[] } | { problem: string };

const HELP =
  'Please name days and parts of the day, for example "Tuesday mornings and Thursday afternoons" or "weekday mornings".';

/**
 * Reads the sessions a host offers from their own words: "Tuesday mornings and Thursday
 * afternoons", "Tue and Thu am", "mornings on Monday and Wednesday", "weekday afternoons"; with
 * times or dates, as a list: "Wednesday 07:45-12:00 and 2027-01-14 10:00-13:00".
 */
export function readSessions(text: string): SessionsReading {
  if (OWN_TIMES_OR_DATES.test(text)) {
    const list = readSessionList(text.replace(/,|\band\b/gi, ';'));
    return list.ok ? { sessions: list.sessions } : { problem: `${capitalise(list.problem)}.` };
  }
  const tokens = tokenise(text.toLowerCase());
  if (tokens.length === 0) return { problem: `I could not find any days in that. ${HELP}` };
  const first = tokens[0];
  const paired = first && 'part' in first ? pairPartFirst(tokens) : pairDaysFirst(tokens);
  if ('problem' in paired) return paired;
  const unique = new Map(paired.sessions.map((s) => [JSON.stringify(s), s]));
  return { sessions: [...unique.values()] };
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0].replace(/\./g, '');
    const day = DAY_PATTERNS.find(([pattern]) => pattern.test(word));
    if (day) tokens.push({ days: day[1] });
    const part = PART_PATTERNS.find(([pattern]) => pattern.test(word));
    if (part) tokens.push({ part: part[1] });
  }
  return tokens;
}

/** "Tuesday and Thursday mornings, Friday afternoons": each part applies to the days before it. */
function pairDaysFirst(tokens: Token[]): SessionsReading {
  const sessions: OfferedSession[] = [];
  let pending: Weekday[] = [];
  let last: Weekday[] = [];
  for (const token of tokens) {
    if ('days' in token) {
      pending.push(...token.days);
      continue;
    }
    const days = pending.length ? pending : last;
    days.forEach((weekday) => sessions.push({ weekday, part: token.part }));
    last = days;
    pending = [];
  }
  if (pending.length)
    return { problem: `Which part of the day for ${pending.map(dayWord).join(', ')}? ${HELP}` };
  return { sessions };
}

/** "Mornings on Monday and Wednesday, afternoons on Friday": each part applies to the days after it. */
function pairPartFirst(tokens: Token[]): SessionsReading {
  const sessions: OfferedSession[] = [];
  let part: SessionPart | undefined;
  let used = true;
  for (const token of tokens) {
    if ('part' in token) {
      if (!used && part) return { problem: `Which days for the ${PART_WORDS[part]}? ${HELP}` };
      part = token.part;
      used = false;
    } else if (part) {
      token.days.forEach((weekday) => sessions.push({ weekday, part: part as SessionPart }));
      used = true;
    }
  }
  if (!used && part) return { problem: `Which days for the ${PART_WORDS[part]}? ${HELP}` };
  return { sessions };
}

const PART_WORDS: Record<SessionPart, string> = { am: 'mornings', pm: 'afternoons', full_day: 'full days' };
const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

function dayWord(day: Weekday): string {
  return DAY_NAMES[day];
}
