import type { ShadowingRequest } from '../../domain/requests';

/**
 * A Universal Action (Action.Execute) on a request, for one handler (`verb`). The card names the
 * request, and its visit's time and host so the store can read the rotas a decision needs at the
 * same time as the request; the decision itself works from the request as stored, never from the
 * card's copy. Who is acting is always taken from the Teams user who clicked.
 */
export function requestAction(
  verb: 'decide' | 'cover',
  title: string,
  action: string,
  request: ShadowingRequest,
  style?: 'positive' | 'destructive',
): Record<string, unknown> {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { action, requestId: request.id, visitorId: request.visitorId, ...visitOf(request) },
    ...(style ? { style } : {}),
  };
}

/** A Universal Action deciding on a request (approve, decline, accept, propose a time...). */
export function decideAction(
  title: string,
  action: string,
  request: ShadowingRequest,
  style?: 'positive' | 'destructive',
): Record<string, unknown> {
  return requestAction('decide', title, action, request, style);
}

/** The visit's time and host as the request holds them when the card is made, where it has them. */
function visitOf(request: ShadowingRequest): Record<string, string> {
  const { start, end, hostId, offerId } = request;
  return {
    ...(start && end ? { start, end } : {}),
    ...(hostId && offerId ? { hostId, offerId } : {}),
  };
}
