import { DateTime } from 'luxon';
import type { Prompt } from '../../domain/requestDialog/advanceDraft';
import { LIMITS } from '../../domain/requestDialog/advanceDraft';
import type { RequestDraft } from '../../domain/requestDialog/draft';
import { LONDON } from '../../domain/time/formatVisit';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { hostAndTimeBlocks } from './hostAndTimeBlocks';
import { inertText } from './plainText';
import {
  answerInput,
  backAndCancel,
  choiceButton,
  heading,
  hint,
  labelledInput,
  problemBlock,
  slotNotes,
  slotTitle,
} from './requestCardParts';

type Ask = Extract<Prompt, { kind: 'ask' }>;

/** One question of the request conversation, with shortcuts for the usual answers. */
export function createRequestQuestionCard(prompt: Ask, draft: RequestDraft): AdaptiveCardJson {
  const top = [
    ...(prompt.understood ? [inertText([prompt.understood], { maxLength: 400 })] : []),
    ...(prompt.note ? [hint(prompt.note)] : []),
    ...problemBlock(prompt.problem),
  ];
  return adaptiveCard([...top, ...QUESTIONS[prompt.step](draft)], backAndCancel());
}

const QUESTIONS: Record<Ask['step'], (draft: RequestDraft) => Array<Record<string, unknown>>> = {
  what: () => [
    heading('What or whom would you like to shadow?'),
    hint('In your own words, for example "the discharge team", "a pharmacist", "ICU", "a board meeting".'),
    ...answerInput('what', 'What or whom to shadow', { maxLength: LIMITS.what }),
  ],
  reasons: () => [
    heading('Why would you like to go, and what do you want to learn?'),
    hint('Your manager sees both when deciding. No patient details, please.'),
    labelledInput('purpose', 'Why you would like to go', { multiline: true, maxLength: LIMITS.purpose }),
    labelledInput('objectives', `What you want to learn (up to ${LIMITS.objectiveCount}, one per line)`, {
      multiline: true,
      maxLength: LIMITS.objectives,
    }),
    {
      type: 'ActionSet',
      actions: [{ type: 'Action.Submit', title: 'Next', data: { verb: 'draft_reasons' } }],
    },
  ],
  purpose: () => [
    heading('Why would you like to go?'),
    hint('One or two sentences. Your manager will see this when deciding.'),
    ...answerInput('purpose', 'Purpose of the visit', { multiline: true, maxLength: LIMITS.purpose }),
  ],
  objectives: () => [
    heading('What do you want to learn?'),
    hint(
      `Up to ${LIMITS.objectiveCount} learning objectives, one per line. You will be asked afterwards whether each was met. No patient details, please.`,
    ),
    ...answerInput('objectives', 'Learning objectives', { multiline: true, maxLength: LIMITS.objectives }),
  ],
  when: () => [
    heading('When would suit you?'),
    hint(
      'Choose below or type, for example "next Tuesday morning", "the week after next" or "any Thursday next month". I will check your rota.',
    ),
    {
      type: 'ActionSet',
      actions: [
        choiceButton('Next week', 'when', 'next week'),
        choiceButton('In two weeks', 'when', 'in two weeks'),
        choiceButton('Next month', 'when', 'next month'),
      ],
    },
    ...answerInput('when', 'Dates that suit you', { maxLength: 100 }),
  ],
  length: () => [
    heading('How long would you like to go for?'),
    hint('Half days are easiest to arrange. For other times, type them, for example "10:00-12:30".'),
    {
      type: 'ActionSet',
      actions: [
        choiceButton('Morning (09:00-13:00)', 'length', 'morning'),
        choiceButton('Afternoon (13:00-17:00)', 'length', 'afternoon'),
        choiceButton('Full day (09:00-17:00)', 'length', 'full day'),
      ],
    },
    ...answerInput('length', 'Other times', { maxLength: 40 }),
  ],
  setting: () => [
    heading('Any preference for the setting?'),
    hint(
      'Clinics, offices and meetings need no extra induction. Wards, theatres, A&E and critical care need the host to agree an induction first.',
    ),
    {
      type: 'ActionSet',
      actions: [
        choiceButton('Any setting', 'setting', 'any'),
        choiceButton('Lower-risk settings only', 'setting', 'lower risk'),
      ],
    },
    ...answerInput('setting', 'Settings you prefer', {
      maxLength: 100,
      placeholder: 'for example: only clinics, or not theatres',
    }),
  ],
  host: hostAndTimeBlocks,
  slot: (draft) => [
    heading(`When would you like to visit ${draft.chosen?.hostName ?? 'the host'}?`),
    hint(`These times are free for both of you. Or type another day, for example "${exampleDay(draft)}".`),
    {
      type: 'ActionSet',
      actions: (draft.slotOptions ?? []).map((slot) => choiceButton(slotTitle(slot), 'slot', slot.start)),
    },
    ...(draft.slotOptions ?? []).flatMap((slot) => slotNotes(slot)),
    ...answerInput('slot', 'Another day', { maxLength: 60 }),
  ],
};

/** A day after the times shown, so the example is never in the past. */
function exampleDay(draft: RequestDraft): string {
  const last = (draft.slotOptions ?? []).at(-1)?.start ?? draft.window?.to;
  const base = last ? DateTime.fromISO(last, { zone: LONDON }) : undefined;
  if (!base?.isValid) return 'next Tuesday';
  const next = base.plus({ days: base.weekday >= 5 ? 8 - base.weekday : 1 });
  return next.toFormat('ccc d LLL');
}
