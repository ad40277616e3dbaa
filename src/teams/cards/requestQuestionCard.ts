import { SETTING_LABELS } from '../../domain/offers';
import type { Prompt } from '../../domain/requestDialog/advanceDraft';
import { LIMITS } from '../../domain/requestDialog/advanceDraft';
import type { HostOption, RequestDraft } from '../../domain/requestDialog/draft';
import { formatVisitTime } from '../../domain/time/formatVisit';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { inertText } from './plainText';
import { answerInput, backAndCancel, choiceButton, heading, hint, problemBlock } from './requestCardParts';

type Ask = Extract<Prompt, { kind: 'ask' }>;

/** One question of the request conversation, with shortcuts for the usual answers. */
export function createRequestQuestionCard(prompt: Ask, draft: RequestDraft): AdaptiveCardJson {
  const top = [...(prompt.note ? [hint(prompt.note)] : []), ...problemBlock(prompt.problem)];
  return adaptiveCard([...top, ...QUESTIONS[prompt.step](draft)], backAndCancel());
}

const QUESTIONS: Record<Ask['step'], (draft: RequestDraft) => Array<Record<string, unknown>>> = {
  what: () => [
    heading('What or whom would you like to shadow?'),
    hint('In your own words, for example "the discharge team", "a pharmacist", "ICU", "a board meeting".'),
    ...answerInput('what', 'What or whom to shadow', { maxLength: LIMITS.what }),
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
      'Choose below or type, for example "next Tuesday", "3 March" or "the week of 12 January". I will check your rota.',
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
      placeholder: 'for example: clinic or office',
    }),
  ],
  host: (draft) => [
    heading('Who would you like to visit?'),
    hint(
      'These hosts have free places that fit your rota. Choose one, or say "back" to change your answers.',
    ),
    ...(draft.hostOptions ?? []).map(hostOptionBlock),
  ],
  slot: (draft) => [
    heading(`When would you like to visit ${draft.chosen?.hostName ?? 'the host'}?`),
    hint('These times are free for both of you. Or type another day, for example "Fri 4 Dec".'),
    {
      type: 'ActionSet',
      actions: (draft.slotOptions ?? []).map((slot) =>
        choiceButton(formatVisitTime(slot.start, slot.end), 'slot', slot.start),
      ),
    },
    ...(draft.slotOptions ?? []).flatMap((slot) =>
      slot.warnings.map((w) => hint(`${formatVisitTime(slot.start, slot.end)}: ${w}`)),
    ),
    ...answerInput('slot', 'Another day', { maxLength: 60 }),
  ],
};

function hostOptionBlock(option: HostOption, index: number): Record<string, unknown> {
  const setting = `${SETTING_LABELS[option.setting]}${option.sensitive ? ' (needs an agreed induction)' : ''}`;
  const next = option.slots[0] ? formatVisitTime(option.slots[0].start, option.slots[0].end) : 'none free';
  return {
    type: 'Container',
    separator: true,
    items: [
      inertText([{ text: `${index + 1}. ${option.title}`, weight: 'Bolder' }], { maxLength: 150 }),
      inertText([`${option.hostName}, ${option.department}`], { maxLength: 150 }),
      {
        type: 'FactSet',
        facts: [
          { title: 'Setting', value: setting },
          { title: 'Next free', value: next },
        ],
      },
      inertText([{ text: option.reason, isSubtle: true }], { maxLength: 200 }),
      { type: 'ActionSet', actions: [choiceButton(`Choose ${index + 1}`, 'host', option.offerId)] },
    ],
  };
}
