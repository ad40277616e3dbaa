import type { RequestView } from '../app/describeRequest';
import { isHandedOnByService } from '../domain/cover/coverArranger';
import { readCover } from '../domain/cover/readCover';
import { isErasedStandIn } from '../domain/dataRights/anonymise';
import type { Viewer } from '../domain/workflow/viewers';

/**
 * What a host's decline changes for the person reading, in one line, true of the request as it
 * is now. The host's reason is for the visitor only (the host's card says "the visitor will see
 * it"), and for the host. `who` is the host's name, or "You" to the host.
 */
export function hostDeclinedWords(view: RequestView, viewer: Viewer, who: string, readerId?: string): string {
  const last = view.request.history[view.request.history.length - 1];
  const byReader = readerId !== undefined && last?.by === readerId;
  const reason = last?.reason && (byReader || viewer === 'visitor') ? last.reason : undefined;
  const why = reason ? ` ${byReader ? 'Your' : 'Their'} reason: "${reason}"` : '';
  if (viewer === 'visitor') return `${who} could not host this visit.${visitorRelease(view)}${why}`;
  if (viewer === 'host') return `${who} could not host this visit.${why}`;
  return `${who} could not host this visit, so it is off.${coverNowOff(view, readerId)}`;
}

/** A visitor released from their rota for the visit is released no longer. */
function visitorRelease(view: RequestView): string {
  return readCover(view.request).timeBasis === 'work_time'
    ? ' You are no longer released from your rota.'
    : '';
}

/**
 * For the manager (or a lead): what becomes of the cover for the visitor's shift. Nothing when
 * none was to be arranged, or when whoever arranged it was erased: a card of its own then says
 * what to stand down (see coverToStandDown).
 */
function coverNowOff(view: RequestView, readerId?: string): string {
  const { request } = view;
  const { timeBasis, cover, coverMethod } = readCover(request);
  if (timeBasis !== 'work_time') return '';
  if (coverMethod === 'within_team') return ' The team no longer needs to cover the shift.';
  const arranger = request.coverArrangerId;
  if ((cover !== 'pending' && cover !== 'arranged') || !arranger || isErasedStandIn(arranger)) return '';
  if ((request.coverHistory ?? []).some(isHandedOnByService)) return '';
  if (arranger === readerId)
    return cover === 'arranged'
      ? ' The cover you arranged is no longer needed, so you can stand it down.'
      : ' The cover you were arranging is no longer needed: stand down anyone you booked.';
  if (arranger === request.managerId) return '';
  return cover === 'arranged'
    ? " I'm asking the rota coordinator to stand down the cover they arranged."
    : " I'm telling the rota coordinator the cover is no longer needed.";
}
