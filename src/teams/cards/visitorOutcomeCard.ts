import type { RequestView } from '../../app/describeRequest';
import { objectiveInputId } from '../../domain/outcomes/readOutcomeForms';
import {
  FOLLOW_ON_PLANS,
  FOLLOW_ON_WORDS,
  KNOWLEDGE_TYPES,
  KNOWLEDGE_WORDS,
  MAX_HOURS,
  MIN_HOURS,
  OBJECTIVE_RATINGS,
  RATING_WORDS,
  TEXT_LIMITS,
} from '../../domain/outcomes/outcomeTypes';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { choiceInput, outcomeAction, problemText, textInput, visitSummary, YES_NO } from './outcomeCardParts';
import { inertText } from './plainText';
import { hint } from './requestCardParts';

/** The visitor's feedback: each objective rated, what was gained, and an optional reflection. */
export function createVisitorOutcomeCard(
  view: RequestView,
  options: { problem?: string; previous?: Record<string, unknown> } = {},
): AdaptiveCardJson {
  const previous = options.previous ?? {};
  const objectives = view.request.objectives.flatMap((objective, i) => [
    inertText([{ text: `Objective ${i + 1}: `, weight: 'Bolder' }, objective], { maxLength: 300 }),
    choiceInput(
      objectiveInputId(i),
      `How well was objective ${i + 1} met?`,
      OBJECTIVE_RATINGS.map((r) => ({ title: RATING_WORDS[r], value: r })),
      { required: true, value: previous[objectiveInputId(i)] },
    ),
  ]);
  return adaptiveCard(
    [
      ...visitSummary('How did your visit go?', view),
      ...problemText(options.problem),
      hint('Please do not include any patient details.'),
      ...objectives,
      choiceInput(
        'knowledge',
        'What did you gain? Choose all that apply',
        KNOWLEDGE_TYPES.map((k) => ({ title: KNOWLEDGE_WORDS[k], value: k })),
        { required: true, multi: true, value: previous.knowledge },
      ),
      textInput('doDifferently', 'What will you do differently?', {
        required: true,
        maxLength: TEXT_LIMITS.doDifferently,
        value: previous.doDifferently,
      }),
      choiceInput('wouldRecommend', 'Would you recommend this visit to a colleague?', YES_NO, {
        required: true,
        value: previous.wouldRecommend,
      }),
      choiceInput(
        'followOn',
        'Is a follow-up or reciprocal visit planned?',
        FOLLOW_ON_PLANS.map((p) => ({ title: FOLLOW_ON_WORDS[p], value: p })),
        { required: true, value: previous.followOn },
      ),
      {
        type: 'Input.Number',
        id: 'hours',
        label: `Hours spent, ${MIN_HOURS} to ${MAX_HOURS}, for your CPD record (required)`,
        min: MIN_HOURS,
        max: MAX_HOURS,
        isRequired: true,
        errorMessage: `Please give the hours, from ${MIN_HOURS} to ${MAX_HOURS}.`,
        ...(previous.hours !== undefined ? { value: Number(previous.hours) } : {}),
      },
      {
        type: 'TextBlock',
        text: 'Reflection for your appraisal (optional: answer all three or none)',
        weight: 'Bolder',
        wrap: true,
      },
      textInput('what', 'What? What happened, and what did you see?', {
        required: false,
        maxLength: TEXT_LIMITS.reflection,
        value: previous.what,
      }),
      textInput('soWhat', 'So what? Why does it matter for your work?', {
        required: false,
        maxLength: TEXT_LIMITS.reflection,
        value: previous.soWhat,
      }),
      textInput('nowWhat', 'Now what? What will you do next?', {
        required: false,
        maxLength: TEXT_LIMITS.reflection,
        value: previous.nowWhat,
      }),
    ],
    [outcomeAction('Send my feedback', 'outcome_visitor', view, {}, 'positive')],
  );
}
