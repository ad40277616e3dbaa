import type { RequestView } from '../../app/describeRequest';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { coverAction } from './coverAction';
import { decideAction } from './decideAction';
import { heading, hint, problemBlock } from './requestCardParts';
import { labelled, requestFacts } from './requestFacts';

/**
 * Tells the manager cover could not be arranged and asks what happens now: release the visitor
 * without cover, or cancel the visit. The host's place is kept until they decide. A note says what
 * became of a click that brought the card back (a decision made, or why nothing changed).
 */
export function createCoverFailedCard(
  view: RequestView,
  options: { reminder?: boolean; problem?: string; note?: string } = {},
): AdaptiveCardJson {
  const name = view.visitor?.name ?? 'the visitor';
  return adaptiveCard(
    [
      heading(
        options.reminder
          ? `Reminder: please decide about ${name}'s visit: cover could not be arranged`
          : `Cover could not be arranged for ${name}'s visit`,
      ),
      ...(options.note ? [hint(options.note)] : []),
      ...(view.request.coverFailedReason ? [labelled('Why', view.request.coverFailedReason, 300)] : []),
      hint('The host is keeping the place until you decide.'),
      ...problemBlock(options.problem),
      ...requestFacts(view, { forManager: true }),
    ],
    [
      coverAction('Release without cover', 'release_without_cover', view.request, 'positive'),
      decideAction('Cancel the visit', 'cancel_for_cover', view.request, 'destructive'),
    ],
  );
}
