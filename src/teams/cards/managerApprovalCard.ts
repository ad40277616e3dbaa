import type { RequestView } from '../../app/describeRequest';
import { COVER_METHOD_WORDS, COVER_METHODS } from '../../domain/cover/coverMethods';
import { DECLINE_CATEGORIES, DECLINE_CATEGORY_WORDS } from '../../domain/cover/declineCategories';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { heading, hint, problemBlock } from './requestCardParts';
import { decideAction } from './decideAction';
import { requestFacts } from './requestFacts';

/** How cover will be arranged, and a note: asked only when the release needs cover. */
function coverInputs(view: RequestView): Array<Record<string, unknown>> {
  if (!view.release || view.release.coverHours <= 0) return [];
  return [
    {
      type: 'Input.ChoiceSet',
      id: 'coverMethod',
      label: 'To approve: how will the shift be covered?',
      style: 'expanded',
      choices: COVER_METHODS.map((method) => ({ title: COVER_METHOD_WORDS[method], value: method })),
    },
    {
      type: 'Input.Text',
      id: 'coverNote',
      label: 'Note about cover (optional)',
      maxLength: 300,
    },
  ];
}

/**
 * Asks the visitor's line manager (or a programme lead) to release them: what the visit takes them
 * away from and what cover may cost, how cover will be arranged if it is needed, and the reason
 * if they decline. One choice and one click either way.
 */
export function createManagerApprovalCard(
  view: RequestView,
  options: { reminder?: boolean; note?: string; problem?: string } = {},
): AdaptiveCardJson {
  const name = view.visitor?.name ?? 'A colleague';
  return adaptiveCard(
    [
      heading(
        options.reminder
          ? `Reminder: ${name} is still waiting for your answer`
          : `${name} asks to be released for a shadowing visit`,
      ),
      ...(options.note ? [hint(options.note)] : []),
      ...problemBlock(options.problem),
      ...requestFacts(view, { forManager: true }),
      ...coverInputs(view),
      {
        type: 'Input.ChoiceSet',
        id: 'declineCategory',
        label: 'If you decline: the main reason',
        style: 'compact',
        placeholder: 'Choose a reason',
        choices: DECLINE_CATEGORIES.map((category) => ({
          title: DECLINE_CATEGORY_WORDS[category],
          value: category,
        })),
      },
      {
        type: 'Input.Text',
        id: 'reason',
        label: 'If you decline: anything to add (optional; the visitor will see it)',
        isMultiline: true,
        maxLength: 500,
      },
    ],
    [
      decideAction('Approve release', 'approve', view.request, 'positive'),
      decideAction('Decline', 'decline_release', view.request, 'destructive'),
    ],
  );
}
