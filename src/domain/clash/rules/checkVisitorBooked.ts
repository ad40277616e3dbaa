import type { Interval } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';

/**
 * visitor_already_booked: the visitor already has another visit asked for or booked (with any
 * host) that overlaps this one; a person cannot be in two visits at once.
 */
export function checkVisitorBooked(context: ClashContext, visit: Interval): Finding[] {
  return findOverlapping(context.visitor.booked, visit).map((booking) => ({
    rule: 'visitor_already_booked',
    who: 'visitor',
    window: { start: booking.start, end: booking.end },
    explain: () =>
      `You already have a shadowing visit asked for or booked at ${formatLondonRange(booking)}, and cannot be at two at once.`,
  }));
}
