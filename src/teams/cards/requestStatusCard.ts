import type { RequestView } from '../../app/describeRequest';
import { stateLabelFor } from '../../domain/requestStateLabels';
import type { Viewer } from '../../domain/workflow/viewers';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { inertText } from './plainText';
import { heading } from './requestCardParts';
import { requestFacts } from './requestFacts';

/**
 * Where a request stands, with an optional note (a decision, a reason, a refusal), in the words of
 * the person it is shown to: "Your shadowing request" for the visitor, the visitor's name for others.
 */
export function createRequestStatusCard(
  view: RequestView,
  note?: string,
  viewer: Viewer = 'visitor',
): AdaptiveCardJson {
  const whose = viewer === 'visitor' ? 'Your' : `${view.visitor?.name ?? 'A colleague'}'s`;
  return adaptiveCard([
    heading(`${whose} shadowing request: ${stateLabelFor(view.request.state, viewer).toLowerCase()}`),
    ...(note ? [inertText([{ text: note, weight: 'Bolder' }], { maxLength: 700 })] : []),
    ...requestFacts(view, { viewer }),
  ]);
}
