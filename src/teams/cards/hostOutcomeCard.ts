import type { RequestView } from '../../app/describeRequest';
import { TEXT_LIMITS } from '../../domain/outcomes/outcomeTypes';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { choiceInput, outcomeAction, problemText, textInput, visitSummary, YES_NO } from './outcomeCardParts';
import { hint } from './requestCardParts';

/** The host's two questions after a visit. */
export function createHostOutcomeCard(
  view: RequestView,
  options: { problem?: string; previous?: Record<string, unknown> } = {},
): AdaptiveCardJson {
  const previous = options.previous ?? {};
  return adaptiveCard(
    [
      ...visitSummary('Thank you for hosting', view),
      ...problemText(options.problem),
      hint('Please do not include any patient details.'),
      textInput('teamGained', 'What did your team gain from the visit?', {
        required: true,
        maxLength: TEXT_LIMITS.teamGained,
        value: previous.teamGained,
      }),
      choiceInput('wouldHostAgain', 'Would you host again?', YES_NO, {
        required: true,
        value: previous.wouldHostAgain,
      }),
    ],
    [outcomeAction('Send my feedback', 'outcome_host', view, {}, 'positive')],
  );
}
