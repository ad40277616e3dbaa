import type { RequestView } from '../../app/describeRequest';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { coverAction } from './coverAction';
import { coverFacts, VISIT_OFF_STATES } from './coverFacts';
import { heading, hint, problemBlock } from './requestCardParts';

/**
 * Asks whoever arranges cover (the department's rota coordinator, or the manager) to say when the
 * released hours are covered, or that they cannot be, and why.
 */
export function createCoverRequestCard(
  view: RequestView,
  options: { reminder?: boolean; note?: string; problem?: string } = {},
): AdaptiveCardJson {
  const name = view.visitor?.name ?? 'A colleague';
  return adaptiveCard(
    [
      heading(
        options.reminder
          ? `Reminder: cover is still needed while ${name} is away`
          : `Cover needed while ${name} is away`,
      ),
      ...(options.note ? [hint(options.note)] : []),
      ...problemBlock(options.problem),
      ...coverFacts(view),
      {
        type: 'Input.Text',
        id: 'reason',
        label: 'If you cannot cover: why (the manager and visitor will see it)',
        isMultiline: true,
        maxLength: 300,
      },
    ],
    [
      coverAction('Cover arranged', 'cover_arranged', view.request, 'positive'),
      coverAction('Cannot cover', 'cover_failed', view.request, 'destructive'),
    ],
  );
}

/** Where cover stands, for whoever arranges it, with a note (a decision, or why nothing changed). */
export function createCoverStatusCard(view: RequestView, note?: string): AdaptiveCardJson {
  const name = view.visitor?.name ?? 'A colleague';
  const off = VISIT_OFF_STATES.includes(view.request.state);
  return adaptiveCard([
    heading(off ? `Cover no longer needed: ${name}'s visit is off` : `Cover while ${name} is away`),
    ...(note ? [hint(note)] : []),
    ...coverFacts(view),
  ]);
}
