import {
  findOwnOffer,
  NOT_YOUR_OFFER,
  type OfferActor,
  type OfferDependencies,
  type OfferResult,
} from './offerResult';
import { writeOffer } from './updateOffer';

/**
 * The host accepts the induction terms of an imported offer in a sensitive setting: it opens to
 * visitors. Only the host's own offer; accepting again changes nothing.
 */
export async function acceptInduction(
  deps: OfferDependencies,
  host: OfferActor,
  offerId: string,
  now: Date,
): Promise<OfferResult> {
  const found = await findOwnOffer(deps, host, offerId);
  if (!found) return { ok: false, refusal: NOT_YOUR_OFFER };
  if (!found.offer.awaitingInduction) return { ok: true, offer: found.offer };
  const { awaitingInduction: _done, ...offer } = found.offer;
  const stamp = now.toISOString();
  return writeOffer(
    deps,
    { ...offer, status: 'active', inductionAcceptedAt: stamp, updatedAt: stamp },
    found.etag,
  );
}
