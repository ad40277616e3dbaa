import type { RequestView } from '../../app/describeRequest';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { heading, hint, problemBlock } from './requestCardParts';
import { decideAction } from './decideAction';
import { requestFacts } from './requestFacts';

/** Asks the visitor's line manager (or a programme lead) to release them. One click either way. */
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
      {
        type: 'Input.Text',
        id: 'reason',
        label: 'Reason, if you decline (the visitor will see it)',
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
