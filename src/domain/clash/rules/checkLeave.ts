import type { Interval } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';
import { describeKind } from '../shiftKinds';

/** leave: the visit falls in the visitor's annual or study leave. A warning: they may go in their own time. */
export function checkLeave(context: ClashContext, visit: Interval): Finding[] {
  return findOverlapping(context.visitor.leave, visit).map((leave) => ({
    rule: 'leave',
    who: 'visitor',
    window: leave,
    explain: () =>
      `You are on ${describeKind(leave.kind)} (${formatLondonRange(leave)}) at the time of this visit. ` +
      'You can still go in your own time; just check you are happy to use your leave for it.',
  }));
}
