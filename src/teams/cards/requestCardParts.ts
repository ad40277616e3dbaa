import type { DraftField } from '../../domain/requestDialog/draft';

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
