import type { ShadowingRequest } from '../../domain/requests';

/**
 * A Universal Action (Action.Execute) on a request, for one handler (`verb`). The card names the
 * request only; who is acting is always taken from the Teams user who clicked.
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
    data: { action, requestId: request.id, visitorId: request.visitorId },
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
