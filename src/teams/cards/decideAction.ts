import type { ShadowingRequest } from '../../domain/requests';

/**
 * A Universal Action (Action.Execute) deciding on a request. The card names the request only; who
 * is deciding is always taken from the Teams user who clicked.
 */
export function decideAction(
  title: string,
  action: string,
  request: ShadowingRequest,
  style?: 'positive' | 'destructive',
): Record<string, unknown> {
  return {
    type: 'Action.Execute',
    title,
    verb: 'decide',
    data: { action, requestId: request.id, visitorId: request.visitorId },
    ...(style ? { style } : {}),
  };
}
