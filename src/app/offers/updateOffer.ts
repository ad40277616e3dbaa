import { offerFieldsFromDraft, type OfferDraft } from '../../domain/offerDialog/offerDraft';
import type { HostOffer } from '../../domain/offers';
import { VersionConflictError } from '../../store/documentStore';
import {
  findOwnOffer,
  NOT_YOUR_OFFER,
  OFFER_CHANGED_ELSEWHERE,
  OFFER_NOT_FINISHED,
  type OfferActor,
  type OfferDependencies,
  type OfferResult,
} from './offerResult';

/**
 * Saves changes to one of the host's own offers with a conditional write, keeping its id, status
 * and creation time. If it changed since it was read, nothing is saved and the host is told.
 */
export async function updateOffer(
  deps: OfferDependencies,
  host: OfferActor,
  offerId: string,
  draft: OfferDraft,
  now: Date,
): Promise<OfferResult> {
  const fields = offerFieldsFromDraft(draft);
  if (!fields) return { ok: false, refusal: OFFER_NOT_FINISHED };
  const found = await findOwnOffer(deps, host, offerId);
  if (!found) return { ok: false, refusal: NOT_YOUR_OFFER };
  const { id, hostId, status, createdAt, visitorsPerSession, inductionAcceptedAt } = found.offer;
  const stamp = now.toISOString();
  const kept = {
    ...(visitorsPerSession ? { visitorsPerSession } : {}),
    ...(inductionAcceptedAt ? { inductionAcceptedAt } : {}),
  };
  // An imported offer waiting for its host's induction terms opens once they agree them here.
  const opened = found.offer.awaitingInduction
    ? { status: 'active' as const, inductionAcceptedAt: stamp }
    : {};
  const offer: HostOffer = { id, hostId, ...fields, ...kept, status, createdAt, updatedAt: stamp, ...opened };
  return writeOffer(deps, offer, found.etag);
}

/** Replaces an offer if it is unchanged since `etag` was read. */
export async function writeOffer(
  deps: OfferDependencies,
  offer: HostOffer,
  etag: string,
): Promise<OfferResult> {
  try {
    await deps.offers.replace(offer, etag);
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    return { ok: false, refusal: OFFER_CHANGED_ELSEWHERE };
  }
  return { ok: true, offer };
}
