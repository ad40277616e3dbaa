import type { Interval } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';

/** on_call: the visit overlaps a period the visitor is on call. */
export function checkOnCall(context: ClashContext, visit: Interval): Finding[] {
  return findOverlapping(context.visitor.onCall, visit).map((shift) => ({
    rule: 'on_call',
    who: 'visitor',
    window: shift,
    explain: () =>
      `You are on call (${formatLondonRange(shift)}) at the time of this visit. Your manager would ` +
      'need to arrange cover for your on-call.',
  }));
}
