import { isDatedSession, type OfferedSession, type SessionPart } from '../offers';
import { SESSION_TIMES, type WallClockRange } from '../time/londonTime';

/** The session's wall-clock times: its own, or those of its part of the day. */
export function sessionTimes(session: OfferedSession): WallClockRange {
  if (session.start && session.end) return { start: session.start, end: session.end };
  return SESSION_TIMES[isDatedSession(session) ? 'am' : session.part];
}

/** The part of the day times belong to: a morning ends by 13:00, an afternoon starts at 13:00 or later. */
export function partOfDay(times: WallClockRange): SessionPart {
  if (times.end <= '13:00') return 'am';
  if (times.start >= '13:00') return 'pm';
  return 'full_day';
}

/** The part of the day a session is: its own for a weekly session, from its times otherwise. */
export function sessionPart(session: OfferedSession): SessionPart {
  return isDatedSession(session) ? partOfDay(sessionTimes(session)) : session.part;
}
