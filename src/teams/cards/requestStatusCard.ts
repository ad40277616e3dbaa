import type { RequestView } from '../../app/describeRequest';
import { REQUEST_STATE_LABELS } from '../../domain/requestStateLabels';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { inertText } from './plainText';
import { heading } from './requestCardParts';
import { requestFacts } from './requestFacts';

/** Where a request stands, with an optional note (a decision, a reason, a refusal). */
export function createRequestStatusCard(view: RequestView, note?: string): AdaptiveCardJson {
  return adaptiveCard([
    heading(`Shadowing request: ${REQUEST_STATE_LABELS[view.request.state].toLowerCase()}`),
    ...(note ? [inertText([{ text: note, weight: 'Bolder' }], { maxLength: 700 })] : []),
    ...requestFacts(view),
  ]);
}
