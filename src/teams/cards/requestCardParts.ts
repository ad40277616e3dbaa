import type { DraftField, SlotOption } from '../../domain/requestDialog/draft';
import { formatVisitTime } from '../../domain/time/formatVisit';
import { inertText } from './plainText';

/**
 * Buttons that send no typed answer: without `associatedInputs: 'none'`, Teams checks the card's
 * required answer box first and will not send the click while it is empty.
 */
export const WITHOUT_INPUTS = { associatedInputs: 'none' } as const;

/** Buttons every request question carries. */
export function backAndCancel(): Array<Record<string, unknown>> {
  return [
    {
      type: 'Action.Submit',
      title: 'Back',
      data: { verb: 'draft_control', word: 'back' },
      ...WITHOUT_INPUTS,
    },
    {
      type: 'Action.Submit',
      title: 'Cancel request',
      data: { verb: 'draft_control', word: 'cancel' },
      ...WITHOUT_INPUTS,
    },
  ];
}

export function choiceButton(title: string, field: DraftField, value: string): Record<string, unknown> {
  return { type: 'Action.Submit', title, data: { verb: 'draft_choice', field, value }, ...WITHOUT_INPUTS };
}

/** A problem with the last answer, in words (and marked as a warning, not by colour alone). */
export function problemBlock(problem: string | undefined): Array<Record<string, unknown>> {
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

export function heading(text: string): Record<string, unknown> {
  return { type: 'TextBlock', text, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' };
}

export function hint(text: string): Record<string, unknown> {
  return { type: 'TextBlock', text, wrap: true, isSubtle: true };
}

/**
 * One line of a summary card: what was said under its label, and beside it the button that asks
 * that question again (`change`: the button's title, data and any tooltip). The answer is a value only.
 */
export function summaryRow(
  label: string,
  value: string,
  change: Record<string, unknown>,
): Record<string, unknown> {
  return {
    type: 'ColumnSet',
    separator: true,
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          { type: 'TextBlock', text: label, weight: 'Bolder', wrap: true },
          inertText([value], { maxLength: 1200 }),
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        verticalContentAlignment: 'Center',
        items: [{ type: 'ActionSet', actions: [{ type: 'Action.Submit', ...change }] }],
      },
    ],
  };
}

/** A labelled text box whose answer is sent with the "Next" button. Typing in the chat works too. */
export function answerInput(
  field: DraftField,
  label: string,
  options: { multiline?: boolean; maxLength: number; placeholder?: string },
): Array<Record<string, unknown>> {
  return [
    {
      type: 'Input.Text',
      id: 'answer',
      label,
      isRequired: true,
      errorMessage: `Please fill in: ${label}`,
      isMultiline: options.multiline ?? false,
      maxLength: options.maxLength,
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    },
    {
      type: 'ActionSet',
      actions: [{ type: 'Action.Submit', title: 'Next', data: { verb: 'draft_answer', field } }],
    },
  ];
}

/** A labelled text box sent with a card's own Next button, for questions with two answers. */
export function labelledInput(
  id: string,
  label: string,
  options: { multiline?: boolean; maxLength: number },
): Record<string, unknown> {
  return {
    type: 'Input.Text',
    id,
    label,
    isRequired: true,
    errorMessage: `Please fill in: ${label}`,
    isMultiline: options.multiline ?? false,
    maxLength: options.maxLength,
  };
}

/**
 * What to know about a time shown as a button, one line each: whose time it is in plain words
 * ("Tue 8 Dec, 09:00-13:00: during your long day, 08:00-20:30: your manager will be asked to
 * release you"), then anything to check.
 */
export function slotNotes(
  slot: SlotOption,
  time = formatVisitTime(slot.start, slot.end),
): Array<Record<string, unknown>> {
  return [...(slot.basis ? [slot.basis] : []), ...slot.warnings].map((note) => hint(`${time}: ${note}`));
}

/** A time as a button shows it: "Tue 8 Dec, 09:00-13:00 (work time)"; `time` when already formatted. */
export function slotTitle(slot: SlotOption, time = formatVisitTime(slot.start, slot.end)): string {
  return `${time}${slot.label ? ` (${slot.label})` : ''}`;
}
