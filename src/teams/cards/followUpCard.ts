import type { RequestView } from '../../app/describeRequest';
import { PRACTICE_CHANGES, PRACTICE_CHANGE_WORDS, TEXT_LIMITS } from '../../domain/outcomes/outcomeTypes';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { choiceInput, outcomeAction, problemText, textInput, visitSummary } from './outcomeCardParts';
import { hint } from './requestCardParts';

/** About three months after the visit: one question. */
export function createFollowUpCard(
  view: RequestView,
  options: { problem?: string; previous?: Record<string, unknown> } = {},
): AdaptiveCardJson {
  const previous = options.previous ?? {};
  return adaptiveCard(
    [
      ...visitSummary('Three months on from your shadowing visit', view),
      ...problemText(options.problem),
      choiceInput(
        'changed',
        "Has anything changed in your practice or your team's since the visit?",
        PRACTICE_CHANGES.map((c) => ({ title: PRACTICE_CHANGE_WORDS[c], value: c })),
        { required: true, value: previous.changed },
      ),
      textInput('detail', 'What changed? (optional)', {
        required: false,
        maxLength: TEXT_LIMITS.followUp,
        value: previous.detail,
      }),
      hint('Please do not include any patient details.'),
    ],
    [outcomeAction('Send my answer', 'outcome_follow_up', view, {}, 'positive')],
  );
}
