import type { RequestView } from '../app/describeRequest';
import type { Viewer } from '../domain/workflow/viewers';
import { hostDeclinedWords } from './hostDeclinedWords';

/**
 * The latest change to a request, in a sentence for `viewer`: who did what, and why if they said.
 * Told to the person who made the change (`readerId`), it says "You".
 */
export function describeChange(view: RequestView, viewer: Viewer = 'visitor', readerId?: string): string {
  const last = view.request.history[view.request.history.length - 1];
  if (!last) return '';
  const byReader = readerId !== undefined && last.by === readerId;
  const who = byReader ? 'You' : nameOf(view, last.by);
  const why = last.reason ? ` ${byReader ? 'Your' : 'Their'} reason: "${last.reason}"` : '';
  switch (last.to) {
    case 'awaiting_manager':
      return last.from === 'awaiting_host' || last.from === 'confirmed'
        ? `${viewer === 'visitor' ? 'Your' : `${view.visitor?.name ?? 'The visitor'}'s`} rota has changed since the release, so ${view.manager?.name ?? 'the programme lead'} has been asked to decide again.`
        : last.from === 'host_proposed_time'
          ? `${who} took the new time. ${view.manager?.name ?? 'The programme lead'} has been asked to agree it.`
          : `${who} sent the request to ${view.manager?.name ?? 'the programme lead'}.`;
    case 'awaiting_host':
      return last.from === 'host_proposed_time'
        ? `${who} took the new time. ${view.host?.name ?? 'The host'} will confirm it.`
        : `${who} approved the release. ${view.host?.name ?? 'The host'} has been asked.`;
    case 'host_proposed_time':
      return `${who} suggested another time.`;
    case 'confirmed':
      return `${who} accepted. The visit is confirmed.`;
    case 'declined_by_manager':
      return `${who} could not release ${viewer === 'visitor' ? 'you' : (view.visitor?.name ?? 'the visitor')} this time.${why}`;
    case 'declined_by_host':
      return hostDeclinedWords(view, viewer, who, readerId);
    case 'cancelled':
      // The service withdraws a visit only when someone in it was erased; its reason says so whole.
      if (last.by === 'system') return last.reason ?? 'The visit has been cancelled.';
      return cancelledForCover(view, last.by) && viewer !== 'host'
        ? `${who} cancelled the visit because cover for ${viewer === 'visitor' ? 'your' : `${view.visitor?.name ?? 'the visitor'}'s`} shift could not be arranged.`
        : `${who} cancelled the visit.${why}`;
    case 'expired':
      return 'The date passed before everyone had answered, so the request has expired.';
    default:
      return `The request is now ${last.to.replace(/_/g, ' ')}.`;
  }
}

/**
 * The manager called the visit off after cover could not be arranged. The host is not told why:
 * the visitor's rota and its cover are between the visitor and their manager.
 */
function cancelledForCover(view: RequestView, by: string): boolean {
  const { request } = view;
  return request.cover === 'failed' && !request.releasedWithoutCover && by === request.managerId;
}

function nameOf(view: RequestView, id: string): string {
  if (id === 'system') return 'The system';
  for (const person of [view.visitor, view.manager, view.host]) if (person?.id === id) return person.name;
  // Only a request's parties and programme leads can move it.
  return 'A programme lead';
}
