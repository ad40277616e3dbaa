import type { HostOffer } from '../../domain/offers';
import type { OffersRepository } from '../../store/repositories/offersRepository';

/** What the offer use cases need: only the offers. */
export interface OfferDependencies {
  offers: OffersRepository;
}

/** The acting host: always the person on the Teams turn, never an id from card data. */
export interface OfferActor {
  id: string;
}

export type OfferResult = { ok: true; offer: HostOffer } | { ok: false; refusal: string };

export const NOT_YOUR_OFFER =
  'I could not find that offer among yours, so I have not changed anything. Type "my offers" to see the offers you host.';
export const OFFER_NOT_FINISHED = 'The offer is not finished yet, so I have not saved it.';
export const OFFER_CHANGED_ELSEWHERE =
  'This offer was changed a moment ago, perhaps in another window, so I have not saved over it. Please open it again and make your change once more.';

/** Finds one of the actor's own offers. Another host's offer id is simply not found in theirs. */
export async function findOwnOffer(
  deps: OfferDependencies,
  actor: OfferActor,
  offerId: string,
): Promise<{ offer: HostOffer; etag: string } | undefined> {
  const found = await deps.offers.find(actor.id, offerId);
  return found && found.offer.hostId === actor.id ? found : undefined;
}
