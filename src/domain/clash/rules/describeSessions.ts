import type { OfferedSession, SessionPart } from '../../offers';
import { SESSION_TIMES, WEEKDAYS } from '../../time/londonTime';

const DAY_WORDS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PART_WORDS: Readonly<Record<SessionPart, string>> = {
  am: 'mornings',
  pm: 'afternoons',
  full_day: 'full days',
};
const PART_ORDER: readonly SessionPart[] = ['am', 'pm', 'full_day'];

function describeSession(session: OfferedSession): string {
  const times = SESSION_TIMES[session.part];
  const day = DAY_WORDS[WEEKDAYS.indexOf(session.weekday)] ?? session.weekday;
  return `${day} ${PART_WORDS[session.part]} (${times.start}-${times.end})`;
}

function rankSession(session: OfferedSession): number {
  return WEEKDAYS.indexOf(session.weekday) * 10 + PART_ORDER.indexOf(session.part);
}

/** "Tuesday mornings (09:00-13:00) and Thursday full days (09:00-17:00)" */
export function describeSessions(sessions: readonly OfferedSession[]): string {
  const phrases = [
    ...new Set([...sessions].sort((a, b) => rankSession(a) - rankSession(b)).map(describeSession)),
  ];
  if (phrases.length <= 1) return phrases[0] ?? 'no sessions';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}
