import type { Interval } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import { occurrenceHolding } from '../../sessions/sessionOccurrences';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';

const visitors = (n: number): string => `${n} ${n === 1 ? 'visitor' : 'visitors'}`;

/**
 * host_slot_held: the session occurrence the visit lies in already has as many pending or
 * confirmed visits overlapping it as the offer takes visitors per session (1 unless set). Without
 * an offer, or outside its sessions, any other visit overlapping this one holds the time.
 */
export function checkHostSlotHeld(context: ClashContext, visit: Interval): Finding[] {
  const offer = context.offer;
  const occurrence = offer && occurrenceHolding(offer.sessions, visit);
  if (!offer || !occurrence) {
    return findOverlapping(context.held, visit).map((booking) => ({
      rule: 'host_slot_held',
      who: 'host',
      window: { start: booking.start, end: booking.end },
      explain: () =>
        `Another visitor has already asked for or booked ${formatLondonRange(booking)} with this host.`,
    }));
  }
  const places = offer.visitorsPerSession ?? 1;
  const held = findOverlapping(context.held, occurrence).length;
  if (held < places) return [];
  const session = formatLondonRange(occurrence);
  const explain = () =>
    places === 1
      ? `Another visitor has already asked for or booked the session ${session} with this host.`
      : `The host takes ${visitors(places)} in the session ${session}, and ${visitors(held)} have ` +
        'already asked for or booked it.';
  return [
    {
      rule: 'host_slot_held',
      who: 'host',
      window: { start: occurrence.start, end: occurrence.end },
      explain,
    },
  ];
}
