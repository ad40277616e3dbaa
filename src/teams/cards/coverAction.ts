import type { ShadowingRequest } from '../../domain/requests';

/** A Universal Action on a request's cover. Who is acting is always the Teams user who clicked. */
export function coverAction(
  title: string,
  action: string,
  request: ShadowingRequest,
  style?: 'positive' | 'destructive',
): Record<string, unknown> {
  return {
    type: 'Action.Execute',
    title,
    verb: 'cover',
    data: { action, requestId: request.id, visitorId: request.visitorId },
    ...(style ? { style } : {}),
  };
}
