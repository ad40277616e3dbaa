import { randomUUID } from 'node:crypto';
import { offerFieldsFromDraft, type OfferDraft } from '../../domain/offerDialog/offerDraft';
import type { HostOffer } from '../../domain/offers';
import { OFFER_NOT_FINISHED, type OfferActor, type OfferDependencies, type OfferResult } from './offerResult';

/** Stores a finished offer as a new, active offer of the acting host. */
export async function saveNewOffer(
  deps: OfferDependencies,
  host: OfferActor,
  draft: OfferDraft,
  now: Date,
): Promise<OfferResult> {
  const fields = offerFieldsFromDraft(draft);
  if (!fields) return { ok: false, refusal: OFFER_NOT_FINISHED };
  const stamp = now.toISOString();
  const offer: HostOffer = {
    id: randomUUID(),
    hostId: host.id,
    ...fields,
    status: 'active',
    createdAt: stamp,
    updatedAt: stamp,
  };
  await deps.offers.create(offer);
  return { ok: true, offer };
}
