import type { RequestView } from '../../app/describeRequest';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { outcomeAction, visitSummary } from './outcomeCardParts';
import { hint } from './requestCardParts';

/** Sent to the visitor and the host once the visit's time has passed: did it happen? */
export function createCheckInCard(view: RequestView, recipient: 'visitor' | 'host'): AdaptiveCardJson {
  const answer = (title: string, value: string, style?: 'positive' | 'destructive') =>
    outcomeAction(title, 'outcome_check_in', view, { answer: value }, style);
  return adaptiveCard(
    [
      ...visitSummary('Did this shadowing visit happen?', view),
      hint(
        recipient === 'visitor'
          ? 'If it did, I will ask a few short questions about what you learned. It takes about three minutes.'
          : 'If it did, I will ask two short questions about what your team gained.',
      ),
    ],
    [
      answer('Yes, it happened', 'yes', 'positive'),
      ...(recipient === 'host' ? [answer('The visitor did not come', 'no_show')] : []),
      answer('Cancelled on the day', 'cancelled_on_the_day', 'destructive'),
    ],
  );
}
