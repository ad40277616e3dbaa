import type { RequestView } from '../../app/describeRequest';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { visitSummary } from './outcomeCardParts';
import { inertText } from './plainText';

/** A plain answer about a visit's feedback: thanks, or why nothing was recorded. */
export function createOutcomeStatusCard(
  view: RequestView | undefined,
  title: string,
  message: string,
  actions?: Array<Record<string, unknown>>,
): AdaptiveCardJson {
  return adaptiveCard(
    [
      ...(view
        ? visitSummary(title, view)
        : [{ type: 'TextBlock', text: title, size: 'Medium', weight: 'Bolder', wrap: true }]),
      inertText([message], { maxLength: 2000 }),
    ],
    actions?.length ? actions : undefined,
  );
}
