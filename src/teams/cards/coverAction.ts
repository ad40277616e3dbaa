import type { ShadowingRequest } from '../../domain/requests';
import { requestAction } from './decideAction';

/** A Universal Action on a request's cover. Who is acting is always the Teams user who clicked. */
export function coverAction(
  title: string,
  action: string,
  request: ShadowingRequest,
  style?: 'positive' | 'destructive',
): Record<string, unknown> {
  return requestAction('cover', title, action, request, style);
}
