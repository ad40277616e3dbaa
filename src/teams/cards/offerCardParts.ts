import type { OfferField } from '../../domain/offerDialog/offerDraft';
import { SETTING_LABELS, SENSITIVE_SETTINGS, type HostOffer, type Setting } from '../../domain/offers';
import { PROFESSION_WORDS, type Profession } from '../../domain/people';
import { plainText } from './plainText';
import { WITHOUT_INPUTS } from './requestCardParts';

export { PROFESSION_WORDS };

export function describeOpenTo(openTo: readonly Profession[]): string {
  return openTo.length ? openTo.map((p) => PROFESSION_WORDS[p]).join(', ') : 'Anyone';
}

export function describeSetting(setting: Setting): string {
  return `${SETTING_LABELS[setting]}${SENSITIVE_SETTINGS.has(setting) ? ' (you arrange an induction)' : ''}`;
}

export function describeCapacity(
  offer: Pick<HostOffer, 'capacityPerWeek' | 'capacityPerMonth' | 'visitorsPerSession'>,
): string {
  const perSession = offer.visitorsPerSession ?? 1;
  const together = perSession > 1 ? `, ${perSession} visitors a session` : '';
  return `Up to ${offer.capacityPerWeek} a week and ${offer.capacityPerMonth} a month${together}`;
}

/** Buttons every offer question carries. */
export function offerBackAndCancel(): Array<Record<string, unknown>> {
  return [
    {
      type: 'Action.Submit',
      title: 'Back',
      data: { verb: 'offer_control', word: 'back' },
      ...WITHOUT_INPUTS,
    },
    {
      type: 'Action.Submit',
      title: 'Cancel offer',
      data: { verb: 'offer_control', word: 'cancel' },
      ...WITHOUT_INPUTS,
    },
  ];
}

/** A shortcut answer. The title may come from the directory, so it is cleaned and capped. */
export function offerChoiceButton(title: string, field: OfferField, value: string): Record<string, unknown> {
  return {
    type: 'Action.Submit',
    title: plainText(title, 60),
    data: { verb: 'offer_choice', field, value },
    ...WITHOUT_INPUTS,
  };
}

export function offerChoices(buttons: Array<[string, string]>, field: OfferField): Record<string, unknown> {
  return {
    type: 'ActionSet',
    actions: buttons.map(([title, value]) => offerChoiceButton(title, field, value)),
  };
}

/** A labelled text box whose answer is sent with the "Next" button. Typing in the chat works too. */
export function offerAnswerInput(
  field: OfferField,
  label: string,
  options: {
    multiline?: boolean;
    maxLength: number;
    placeholder?: string;
    required?: boolean;
    value?: string;
  },
): Array<Record<string, unknown>> {
  const required = options.required ?? true;
  return [
    {
      type: 'Input.Text',
      id: 'answer',
      label: required ? label : `${label} (optional)`,
      isRequired: required,
      ...(required ? { errorMessage: `Please fill in: ${label}` } : {}),
      isMultiline: options.multiline ?? false,
      maxLength: options.maxLength,
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
      // The current answer, when changing one: a value, never markup.
      ...(options.value ? { value: options.value } : {}),
    },
    {
      type: 'ActionSet',
      actions: [{ type: 'Action.Submit', title: 'Next', data: { verb: 'offer_answer', field } }],
    },
  ];
}
