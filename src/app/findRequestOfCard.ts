import type { ShadowingRequest } from '../domain/requests';
import type { Services } from './services';

/**
 * The request a card's button names, for the person who pressed it. A card sent before its
 * visitor's data was erased still names their old id, while the request has moved to a new
 * partition; the presser's own message about it, kept by the erasure, says where it went. So
 * whoever was sent the card is told where the request stands, rather than that it is not theirs.
 */
export async function findRequestOfCard(
  services: Pick<Services, 'requests' | 'outbox'>,
  personId: string,
  visitorId: string,
  requestId: string,
): Promise<{ request: ShadowingRequest; etag: string } | undefined> {
  const found = await services.requests.find(visitorId, requestId);
  if (found) return found;
  const sent = await services.outbox.listAbout(personId, requestId);
  const movedTo = sent.find((message) => message.visitorId !== visitorId)?.visitorId;
  return movedTo ? services.requests.find(movedTo, requestId) : undefined;
}
