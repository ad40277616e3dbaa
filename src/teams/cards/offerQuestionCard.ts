import { OFFER_LIMITS, type OfferPrompt } from '../../domain/offerDialog/advanceOfferDraft';
import type { OfferDraft } from '../../domain/offerDialog/offerDraft';
import { SETTING_LABELS, SETTINGS, SENSITIVE_SETTINGS } from '../../domain/offers';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { offerAnswerInput, offerBackAndCancel, offerChoices, PROFESSION_WORDS } from './offerCardParts';
import { heading, hint, problemBlock } from './requestCardParts';

type Ask = Extract<OfferPrompt, { kind: 'ask' }>;

/** One question of the offer-to-host conversation, with shortcuts for the usual answers. */
export function createOfferQuestionCard(prompt: Ask, draft: OfferDraft): AdaptiveCardJson {
  const top = [...(prompt.note ? [hint(prompt.note)] : []), ...problemBlock(prompt.problem)];
  return adaptiveCard([...top, ...QUESTIONS[prompt.step](draft)], offerBackAndCancel());
}

const QUESTIONS: Record<Ask['step'], (draft: OfferDraft) => Array<Record<string, unknown>>> = {
  title: (draft) => [
    heading('What should your offer be called?'),
    hint('A short name in plain words, for example "A morning in the physiotherapy clinic".'),
    ...offerAnswerInput('title', 'Name of the offer', {
      maxLength: OFFER_LIMITS.title.max,
      value: current(draft, 'title'),
    }),
  ],
  description: (draft) => [
    heading('What will a visitor see and learn?'),
    hint(
      'Plain words, no abbreviations: someone from another profession should follow it. No patient details, please.',
    ),
    ...offerAnswerInput('description', 'What a visitor will see and learn', {
      multiline: true,
      maxLength: OFFER_LIMITS.description.max,
      value: current(draft, 'description'),
    }),
  ],
  profession: (draft) => [
    heading('Which staff group is this offer from?'),
    hint('Visitors search across professions, so this helps them find you.'),
    offerChoices(
      [[`${PROFESSION_WORDS[draft.defaults.profession]} (yours)`, draft.defaults.profession]],
      'profession',
    ),
    ...offerAnswerInput('profession', 'Another staff group', {
      maxLength: 60,
      placeholder: 'for example: nursing, pharmacy, management',
    }),
  ],
  department: (draft) => [
    heading('Which department or team?'),
    ...(draft.defaults.department.length <= OFFER_LIMITS.department.max
      ? [offerChoices([[draft.defaults.department, draft.defaults.department]], 'department')]
      : []),
    ...offerAnswerInput('department', 'Another department or team', {
      maxLength: OFFER_LIMITS.department.max,
      value: current(draft, 'department'),
    }),
  ],
  setting: () => [
    heading('Where will the visit happen?'),
    hint(
      'Clinics, offices and meetings need no extra induction. Wards, theatres, A&E and critical care need you to arrange one.',
    ),
    {
      type: 'Input.ChoiceSet',
      id: 'answer',
      label: 'Setting',
      isRequired: true,
      errorMessage: 'Please choose a setting',
      choices: SETTINGS.map((s) => ({
        title: `${SETTING_LABELS[s]}${SENSITIVE_SETTINGS.has(s) ? ' (needs an induction)' : ''}`,
        value: s,
      })),
    },
    {
      type: 'ActionSet',
      actions: [{ type: 'Action.Submit', title: 'Next', data: { verb: 'offer_answer', field: 'setting' } }],
    },
  ],
  induction: (draft) => [
    heading('This setting needs an induction'),
    {
      type: 'TextBlock',
      wrap: true,
      text: `Visitors to ${draft.setting ? SETTING_LABELS[draft.setting].toLowerCase() : 'this setting'} need a short local induction before they start: fire exits, infection control, where to stand and whom to ask. Will you arrange it for each visitor?`,
    },
    offerChoices(
      [
        ['Yes, I will arrange the induction', 'yes'],
        ['No, choose another setting', 'no'],
      ],
      'induction',
    ),
  ],
  sessions: () => [
    heading('When can visitors come?'),
    hint(
      'Mornings are 09:00-13:00, afternoons 13:00-17:00. Choose below or type, for example "Tuesday mornings and Thursday afternoons".',
    ),
    offerChoices(
      [
        ['Weekday mornings', 'weekday mornings'],
        ['Weekday afternoons', 'weekday afternoons'],
        ['Weekday full days', 'weekday full days'],
      ],
      'sessions',
    ),
    ...offerAnswerInput('sessions', 'Days and times', { maxLength: 200 }),
  ],
  perWeek: () => [
    heading('How many visitors a week, at most?'),
    hint(
      `A number from ${OFFER_LIMITS.capacity.min} to ${OFFER_LIMITS.capacity.max}. You can answer both at once, for example "2 a week and 6 a month".`,
    ),
    offerChoices(
      [
        ['1', '1'],
        ['2', '2'],
        ['3', '3'],
      ],
      'perWeek',
    ),
    ...offerAnswerInput('perWeek', 'Visitors a week', { maxLength: 60 }),
  ],
  perMonth: (draft) => {
    const week = draft.capacityPerWeek ?? 1;
    const options = [...new Set([week, week * 2, week * 4].filter((n) => n <= OFFER_LIMITS.capacity.max))];
    return [
      heading('And how many a month, at most?'),
      hint(`At least ${week}, since you said ${week} a week, and no more than ${OFFER_LIMITS.capacity.max}.`),
      offerChoices(
        options.map((n) => [String(n), String(n)]),
        'perMonth',
      ),
      ...offerAnswerInput('perMonth', 'Visitors a month', { maxLength: 40 }),
    ];
  },
  openTo: () => [
    heading('Who may visit?'),
    hint('Anyone, or name staff groups, for example "nurses and AHPs".'),
    offerChoices(
      [
        ['Anyone', 'anyone'],
        ['Clinical staff', 'clinical staff'],
        ['Non-clinical staff', 'non-clinical staff'],
      ],
      'openTo',
    ),
    ...offerAnswerInput('openTo', 'Staff groups who may visit', { maxLength: 200 }),
  ],
  prerequisites: (draft) => [
    heading('Does a visitor need anything before coming?'),
    hint('For example "closed shoes" or "read our leaflet first". Say "none" if not.'),
    offerChoices([['Nothing needed', 'none']], 'prerequisites'),
    ...offerAnswerInput('prerequisites', 'What visitors need beforehand', {
      multiline: true,
      maxLength: OFFER_LIMITS.prerequisites.max,
      value: current(draft, 'prerequisites'),
    }),
  ],
  meetingPoint: (draft) => [
    heading('Where should visitors meet you?'),
    hint('Building, floor and a landmark, for example "Physio reception, Outpatients, Level 1".'),
    ...offerAnswerInput('meetingPoint', 'Where to meet', {
      maxLength: OFFER_LIMITS.meetingPoint.max,
      value: current(draft, 'meetingPoint'),
    }),
  ],
};

/** The saved answer, shown in the box when a host changes it from the summary. */
function current(
  draft: OfferDraft,
  field: 'title' | 'description' | 'department' | 'prerequisites' | 'meetingPoint',
): string | undefined {
  return draft.editing ? draft[field] : undefined;
}
