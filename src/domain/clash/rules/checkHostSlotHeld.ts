import type { Interval } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';

/** host_slot_held: another pending or confirmed request overlaps the visit (one visitor per session). */
export function checkHostSlotHeld(context: ClashContext, visit: Interval): Finding[] {
  return findOverlapping(context.held, visit).map((booking) => ({
    rule: 'host_slot_held',
    who: 'host',
    window: { start: booking.start, end: booking.end },
    explain: () =>
      `Another visitor has already asked for or booked ${formatLondonRange(booking)} with this host.`,
  }));
}
