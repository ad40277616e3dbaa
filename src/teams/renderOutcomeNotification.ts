import type { RequestView } from '../app/describeRequest';
import type { Notification } from '../app/notifications';
import type { RequestWithOutcomes } from '../domain/outcomes/outcomeTypes';
import type { AdaptiveCardJson } from './cards/cardTypes';
import { createCheckInCard } from './cards/checkInCard';
import { createFollowUpCard } from './cards/followUpCard';
import { createHostOutcomeCard } from './cards/hostOutcomeCard';
import { createOutcomeStatusCard } from './cards/outcomeStatusCard';
import { returnVisitButton } from './cards/returnVisitInviteCard';
import { createVisitorOutcomeCard } from './cards/visitorOutcomeCard';

/**
 * The card an after-visit message becomes, drawn from the visit as it is now: the check-in while
 * nobody has answered, the recipient's own form once the visit is recorded as having happened,
 * and a plain note when there is nothing left for them to do.
 */
export function renderOutcomeNotification(notification: Notification, view: RequestView): AdaptiveCardJson {
  const request = view.request as RequestWithOutcomes;
  const recipient = notification.personId === request.visitorId ? 'visitor' : 'host';
  if ((notification.kind as string) === 'outcome_follow_up') {
    return request.outcomes?.followUp
      ? createOutcomeStatusCard(view, 'Three months on', 'You have already answered this. Thank you.')
      : createFollowUpCard(view);
  }
  if (request.state === 'confirmed') return createCheckInCard(view, recipient);
  if (request.state === 'completed' && !request.outcomes?.[recipient])
    return recipient === 'visitor' ? createVisitorOutcomeCard(view) : createHostOutcomeCard(view);
  const returnVisit = recipient === 'host' ? returnVisitButton(view) : undefined;
  return createOutcomeStatusCard(
    view,
    'After your shadowing visit',
    request.state === 'completed'
      ? 'Your feedback is recorded. Thank you.'
      : 'This visit is recorded as not having taken place. There is nothing more to do.',
    returnVisit && [returnVisit],
  );
}
