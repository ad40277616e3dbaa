import type { Interval } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';

/** host_on_duty_elsewhere: the host is on call, on nights or in training then. */
export function checkHostElsewhere(context: ClashContext, visit: Interval): Finding[] {
  if (!context.host) return [];
  return findOverlapping(context.host.elsewhere, visit).map((shift) => ({
    rule: 'host_on_duty_elsewhere',
    who: 'host',
    window: shift,
    explain: () =>
      `The host is rostered for other work (${formatLondonRange(shift)}), so cannot host a visit then.`,
  }));
}
