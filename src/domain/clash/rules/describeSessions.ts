import {
  isDatedSession,
  type DatedSession,
  type OfferedSession,
  type SessionPart,
  type WeeklySession,
} from '../../offers';
import { formatLondonRange, WEEKDAYS } from '../../time/londonTime';
import { sessionTimes } from '../../sessions/sessionTimes';
import { occurrencesOn } from '../../sessions/sessionOccurrences';

const DAY_WORDS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PART_WORDS: Readonly<Record<SessionPart, string>> = {
  am: 'mornings',
  pm: 'afternoons',
  full_day: 'full days',
};
const PART_ORDER: readonly SessionPart[] = ['am', 'pm', 'full_day'];

function describeWeekly(session: WeeklySession): string {
  const times = sessionTimes(session);
  const day = DAY_WORDS[WEEKDAYS.indexOf(session.weekday)] ?? session.weekday;
  if (session.start && session.end) return `${day}s ${times.start}-${times.end}`;
  return `${day} ${PART_WORDS[session.part]} (${times.start}-${times.end})`;
}

function describeDated(session: DatedSession): string {
  const occurrence = occurrencesOn([session], session.date)[0];
  return occurrence ? formatLondonRange(occurrence) : `${session.date}, ${session.start}-${session.end}`;
}

function describeSession(session: OfferedSession): string {
  return isDatedSession(session) ? describeDated(session) : describeWeekly(session);
}

/** Weekly sessions by day, part and time; dated sessions after them, by date. */
function rankSession(session: OfferedSession): string {
  if (isDatedSession(session)) return `2 ${session.date} ${session.start}`;
  const times = sessionTimes(session);
  return `1 ${WEEKDAYS.indexOf(session.weekday)} ${PART_ORDER.indexOf(session.part)} ${times.start}`;
}

/** "Tuesday mornings (09:00-13:00), Wednesdays 07:45-12:00 and Thu 14 Jan, 10:00-13:00" */
export function describeSessions(sessions: readonly OfferedSession[]): string {
  const sorted = [...sessions].sort((a, b) => rankSession(a).localeCompare(rankSession(b)));
  const phrases = [...new Set(sorted.map(describeSession))];
  if (phrases.length <= 1) return phrases[0] ?? 'no sessions';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}
