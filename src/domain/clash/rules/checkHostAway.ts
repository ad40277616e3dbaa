import type { Interval } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';

/** host_on_leave: the host is on leave or has a rest day then. The kind of absence is not shown. */
export function checkHostAway(context: ClashContext, visit: Interval): Finding[] {
  if (!context.host) return [];
  return findOverlapping(context.host.away, visit).map((absence) => ({
    rule: 'host_on_leave',
    who: 'host',
    window: absence,
    explain: () => `The host is away (${formatLondonRange(absence)}), so cannot host a visit then.`,
  }));
}
