import type { OfferStatus } from '../../domain/offers';
import {
  findOwnOffer,
  NOT_YOUR_OFFER,
  type OfferActor,
  type OfferDependencies,
  type OfferResult,
} from './offerResult';
import { writeOffer } from './updateOffer';

/**
 * Pauses or resumes one of the host's own offers. A paused offer is not shown in search; requests
 * already made for it are not affected. Asking for the status it already has changes nothing.
 */
export async function setOfferStatus(
  deps: OfferDependencies,
  host: OfferActor,
  offerId: string,
  status: OfferStatus,
  now: Date,
): Promise<OfferResult> {
  const found = await findOwnOffer(deps, host, offerId);
  if (!found) return { ok: false, refusal: NOT_YOUR_OFFER };
  if (found.offer.status === status) return { ok: true, offer: found.offer };
  return writeOffer(deps, { ...found.offer, status, updatedAt: now.toISOString() }, found.etag);
}
