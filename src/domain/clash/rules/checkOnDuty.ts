import type { Interval } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';
import { describeKind } from '../shiftKinds';

/** on_duty: the visit overlaps a shift, long day, night or training the visitor is rostered for. */
export function checkOnDuty(context: ClashContext, visit: Interval): Finding[] {
  return findOverlapping(context.visitor.work, visit).map((shift) => ({
    rule: 'on_duty',
    who: 'visitor',
    window: shift,
    explain: () =>
      `You are rostered for a ${describeKind(shift.kind)} (${formatLondonRange(shift)}) at the time of ` +
      'this visit. Your manager would need to release you and arrange cover.',
  }));
}
