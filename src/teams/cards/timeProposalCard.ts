import type { RequestView } from '../../app/describeRequest';
import { formatVisitTime } from '../../domain/time/formatVisit';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { decideAction } from './decideAction';
import { heading, hint, problemBlock } from './requestCardParts';
import { requestFacts } from './requestFacts';

/** The host suggested another time: the visitor takes it or leaves it, with one click. */
export function createTimeProposalCard(
  view: RequestView,
  options: { problem?: string } = {},
): AdaptiveCardJson {
  const proposed = view.request.proposed;
  const newTime = proposed ? formatVisitTime(proposed.start, proposed.end) : 'a new time';
  return adaptiveCard(
    [
      heading(`${view.host?.name ?? 'Your host'} suggests another time: ${newTime}`),
      // Not checked again while the card waits (a rota may change meanwhile): it says when it was.
      hint(
        'It was free on both rotas when suggested, and is checked again when you take it. The host will then confirm it.',
      ),
      ...problemBlock(options.problem),
      ...requestFacts(view),
    ],
    [
      decideAction(`Take ${newTime}`, 'accept_time', view.request, 'positive'),
      decideAction('No thanks, cancel the request', 'reject_time', view.request),
    ],
  );
}
