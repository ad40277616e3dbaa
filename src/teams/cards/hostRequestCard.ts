import type { RequestView } from '../../app/describeRequest';
import { formatVisitTime } from '../../domain/time/formatVisit';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { decideAction } from './decideAction';
import { heading, hint, problemBlock } from './requestCardParts';
import { requestFacts } from './requestFacts';

/** Asks the host to accept the visit, decline it, or propose one of their other free times. */
export function createHostRequestCard(
  view: RequestView,
  options: { reminder?: boolean; problem?: string } = {},
): AdaptiveCardJson {
  const name = view.visitor?.name ?? 'A colleague';
  const choices = view.alternativeSlots.map((slot) => ({
    title: formatVisitTime(slot.start, slot.end),
    value: `${slot.start}|${slot.end}`,
  }));
  return adaptiveCard(
    [
      heading(
        options.reminder
          ? `Reminder: ${name} is still waiting to hear from you`
          : `${name} would like to shadow you`,
      ),
      hint(`${view.manager?.name ?? 'Their manager'} has released them for this visit.`),
      ...problemBlock(options.problem),
      ...requestFacts(view, { viewer: 'host' }),
      {
        type: 'Input.Text',
        id: 'reason',
        label: 'Reason, if you decline (the visitor will see it)',
        isMultiline: true,
        maxLength: 500,
      },
      ...(choices.length
        ? [
            {
              type: 'Input.ChoiceSet',
              id: 'slot',
              label: 'Or propose another time (free for both of you)',
              style: 'compact',
              choices,
            },
          ]
        : [hint('There are no other free times for both of you in the next four weeks.')]),
    ],
    [
      decideAction('Accept', 'accept', view.request, 'positive'),
      decideAction('Decline', 'decline_visit', view.request, 'destructive'),
      ...(choices.length ? [decideAction('Propose the chosen time', 'propose_time', view.request)] : []),
    ],
  );
}
