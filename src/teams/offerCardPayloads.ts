import { z } from 'zod';
import { OFFER_STEPS } from '../domain/offerDialog/offerDraft';

const field = z.enum(OFFER_STEPS).exclude(['summary']);
/** Offer ids are UUIDs for offers made in chat, and readable slugs for seeded ones. */
const offerId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/);

/**
 * The shapes the offer cards' buttons send back. Anything else (a forged, stale or truncated
 * payload) fails to parse and is refused without touching any state. An offer id here is only a
 * pointer: the use cases look it up among the acting host's own offers.
 */
export const OFFER_PAYLOADS = {
  offer_answer: z.object({ verb: z.literal('offer_answer'), field, answer: z.string().max(5000).optional() }),
  offer_choice: z.object({ verb: z.literal('offer_choice'), field, value: z.string().min(1).max(200) }),
  offer_control: z.object({
    verb: z.literal('offer_control'),
    word: z.enum(['back', 'cancel', 'start_over']),
  }),
  offer_edit: z.object({ verb: z.literal('offer_edit'), field }),
  offer_submit: z.object({ verb: z.literal('offer_submit') }),
  offer_new: z.object({ verb: z.literal('offer_new') }),
  offer_list: z.object({ verb: z.literal('offer_list') }),
  offer_change: z.object({ verb: z.literal('offer_change'), offerId }),
  offer_pause: z.object({ verb: z.literal('offer_pause'), offerId }),
  offer_resume: z.object({ verb: z.literal('offer_resume'), offerId }),
  offer_accept_induction: z.object({ verb: z.literal('offer_accept_induction'), offerId }),
} as const;

export type OfferVerb = keyof typeof OFFER_PAYLOADS;
export const OFFER_VERBS = Object.keys(OFFER_PAYLOADS) as OfferVerb[];
export type OfferPayload<V extends OfferVerb> = z.infer<(typeof OFFER_PAYLOADS)[V]>;

export function isOfferVerb(value: unknown): value is OfferVerb {
  return typeof value === 'string' && (OFFER_VERBS as string[]).includes(value);
}

export function parseOfferPayload<V extends OfferVerb>(verb: V, data: unknown): OfferPayload<V> | undefined {
  const parsed = OFFER_PAYLOADS[verb].safeParse(data);
  return parsed.success ? (parsed.data as OfferPayload<V>) : undefined;
}
