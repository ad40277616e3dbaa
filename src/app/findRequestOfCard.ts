import { isErasedStandIn } from '../domain/dataRights/anonymise';
import type { ShadowingRequest } from '../domain/requests';
import type { Services } from './services';

/**
 * The request a card's button names, for the person who pressed it. A card sent before its
 * visitor's data was erased still names their old id, while the request has moved to an anonymous
 * partition; the presser's own message about it, kept by the erasure, says where it went. So
 * whoever was sent the card is told where the request stands, rather than that it is not theirs.
 * Followed only there: the id the button names must no longer be in the directory, and the
 * message must point to an erased visitor's partition, so a button naming someone else's request
 * under the wrong visitor still finds nothing.
 */
export async function findRequestOfCard(
  services: Pick<Services, 'requests' | 'outbox' | 'people'>,
  personId: string,
  visitorId: string,
  requestId: string,
): Promise<{ request: ShadowingRequest; etag: string } | undefined> {
  const found = await services.requests.find(visitorId, requestId);
  if (found) return found;
  const [sent, named] = await Promise.all([
    services.outbox.listAbout(personId, requestId),
    services.people.findById(visitorId),
  ]);
  const movedTo = sent.map((message) => message.visitorId).find(isErasedStandIn);
  return movedTo && !named ? services.requests.find(movedTo, requestId) : undefined;
}
