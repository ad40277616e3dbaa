import type { RequestView } from '../../app/describeRequest';
import { heading } from './requestCardParts';
import { labelled, when } from './requestFacts';

/** An Action.Execute about one visit. The card names the visit only; who acts is the Teams user. */
export function outcomeAction(
  title: string,
  verb: string,
  view: RequestView,
  extra: Record<string, string> = {},
  style?: 'positive' | 'destructive',
): Record<string, unknown> {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { requestId: view.request.id, visitorId: view.request.visitorId, ...extra },
    ...(style ? { style } : {}),
  };
}

/** What the visit was, for the top of every after-visit card. */
export function visitSummary(title: string, view: RequestView): Array<Record<string, unknown>> {
  const host = view.host
    ? `${view.host.name}, ${view.offer?.department ?? view.host.department}`
    : 'The host';
  const visitor = view.visitor ? `${view.visitor.name}, ${view.visitor.jobTitle}` : 'A colleague';
  return [
    heading(title),
    { type: 'FactSet', facts: [{ title: 'When', value: when(view) }] },
    labelled('Visitor', visitor, 200),
    labelled('Host', host, 200),
  ];
}

export interface ChoiceOption {
  title: string;
  value: string;
}

/** A labelled choice input; required ones say so in the label and explain an empty answer. */
export function choiceInput(
  id: string,
  label: string,
  choices: ChoiceOption[],
  options: { required: boolean; multi?: boolean; value?: unknown },
): Record<string, unknown> {
  return {
    type: 'Input.ChoiceSet',
    id,
    label: options.required ? `${label} (required)` : label,
    style: 'expanded',
    choices,
    isRequired: options.required,
    ...(options.required ? { errorMessage: `Please answer: ${label}` } : {}),
    ...(options.multi ? { isMultiSelect: true } : {}),
    ...(typeof options.value === 'string' ? { value: options.value } : {}),
  };
}

export function textInput(
  id: string,
  label: string,
  options: { required: boolean; maxLength: number; multiline?: boolean; value?: unknown },
): Record<string, unknown> {
  return {
    type: 'Input.Text',
    id,
    label: options.required ? `${label} (required)` : label,
    isMultiline: options.multiline ?? true,
    maxLength: options.maxLength,
    isRequired: options.required,
    ...(options.required ? { errorMessage: `Please fill in: ${label}` } : {}),
    ...(typeof options.value === 'string' ? { value: options.value } : {}),
  };
}

export const YES_NO: ChoiceOption[] = [
  { title: 'Yes', value: 'yes' },
  { title: 'No', value: 'no' },
];

/** A problem with the last answers, in words and marked as a warning (not by colour alone). */
export function problemText(problem: string | undefined): Array<Record<string, unknown>> {
  return problem
    ? [
        {
          type: 'RichTextBlock',
          inlines: [
            { type: 'TextRun', text: `Please check: ${problem}`, weight: 'Bolder', color: 'Attention' },
          ],
        },
      ]
    : [];
}
