import type { SessionPart } from '../../domain/offers';
import type { Interval } from '../../domain/time/intervals';
import { londonSessionInterval, toLondonDate } from '../../domain/time/londonTime';

const PARTS: readonly SessionPart[] = ['am', 'pm', 'full_day'];

/**
 * The session a visit is, when its times match one on its London day exactly (AM 09:00-13:00,
 * PM 13:00-17:00, full day 09:00-17:00); any other times are searched as full days.
 */
export function inferSessionLength(visit: Interval): SessionPart {
  const date = toLondonDate(visit.start);
  const match = PARTS.find((part) => {
    const session = londonSessionInterval(date, part);
    return session.start === visit.start && session.end === visit.end;
  });
  return match ?? 'full_day';
}
