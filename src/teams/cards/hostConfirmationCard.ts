import type { RequestView } from '../../app/describeRequest';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { decideAction } from './decideAction';
import { heading, hint } from './requestCardParts';
import { labelled, requestFacts } from './requestFacts';

/**
 * Sent to the host when they accept, and again the day before: whom they host, when and where, in
 * their own words. Nothing about the visitor's rota or cover, which is between the visitor and
 * their manager, and none of the visitor's checklist.
 */
export function createHostConfirmationCard(
  view: RequestView,
  options: { dayBefore?: boolean; calendarLink?: string } = {},
): AdaptiveCardJson {
  const name = view.visitor?.name ?? 'Your visitor';
  return adaptiveCard(
    [
      heading(
        options.dayBefore ? `Reminder: ${name} shadows you tomorrow` : `Confirmed: ${name} will shadow you`,
      ),
      ...requestFacts(view, { viewer: 'host' }),
      labelled('Where to meet', view.offer?.meetingPoint ?? 'Not given in your offer: please tell them', 400),
      hint(
        'Please ask patients whether they are happy to have an observer; if anyone says no, the visitor steps out.',
      ),
      hint(`If you can no longer host, cancel the visit: ${name} and their manager are told.`),
    ],
    [
      ...(options.calendarLink
        ? [{ type: 'Action.OpenUrl', title: 'Add to my calendar', url: options.calendarLink }]
        : []),
      decideAction('Cancel the visit', 'cancel', view.request, 'destructive'),
    ],
  );
}
