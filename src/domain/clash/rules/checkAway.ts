import type { Interval } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';

/**
 * away: the visitor is away from work then, for a reason the rota does not record (time off such
 * as sickness). It blocks the visit and says nothing about why.
 */
export function checkAway(context: ClashContext, visit: Interval): Finding[] {
  return findOverlapping(context.visitor.away, visit).map((absence) => ({
    rule: 'away',
    who: 'visitor',
    window: absence,
    explain: () =>
      `Your rota shows you away from work then (${formatLondonRange(absence)}), so a visit cannot be arranged at that time.`,
  }));
}
