import type { OfferStatus } from '../../domain/offers';
import {
  findOwnOffer,
  NOT_YOUR_OFFER,
  type OfferActor,
  type OfferDependencies,
  type OfferResult,
} from './offerResult';
import { writeOffer } from './updateOffer';

export const INDUCTION_FIRST =
  'Visitors can come once you have accepted the induction terms for this setting. Use "Accept the induction terms" on the offer; it has not been opened yet.';

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
  if (status === 'active' && found.offer.awaitingInduction) return { ok: false, refusal: INDUCTION_FIRST };
  return writeOffer(deps, { ...found.offer, status, updatedAt: now.toISOString() }, found.etag);
}
