import { z } from 'zod';
import { DRAFT_STEPS } from '../domain/requestDialog/draft';

const field = z.enum(DRAFT_STEPS).exclude(['summary']);

/**
 * The shapes card buttons send back. Anything else (a forged, stale or truncated payload) fails to
 * parse and is refused politely without touching any state.
 */
export const CARD_PAYLOADS = {
  draft_answer: z.object({ verb: z.literal('draft_answer'), field, answer: z.string().max(5000).optional() }),
  draft_choice: z.object({ verb: z.literal('draft_choice'), field, value: z.string().min(1).max(200) }),
  draft_reasons: z.object({
    verb: z.literal('draft_reasons'),
    // Longer than the boxes allow, so an over-long answer is refused in words by the conversation.
    purpose: z.string().max(20000).optional(),
    objectives: z.string().max(20000).optional(),
  }),
  draft_pick: z.object({
    verb: z.literal('draft_pick'),
    offerId: z.string().min(1).max(200),
    start: z.string().datetime(),
  }),
  draft_more_hosts: z.object({ verb: z.literal('draft_more_hosts') }),
  draft_control: z.object({
    verb: z.literal('draft_control'),
    word: z.enum(['back', 'cancel', 'start_over']),
  }),
  draft_edit: z.object({ verb: z.literal('draft_edit'), field }),
  draft_submit: z.object({ verb: z.literal('draft_submit'), draftId: z.string().uuid().optional() }),
  cancel_request: z.object({ verb: z.literal('cancel_request'), requestId: z.string().uuid() }),
  return_visit: z.object({
    verb: z.literal('return_visit'),
    requestId: z.string().uuid(),
    visitorId: z.string().min(1).max(100),
  }),
} as const;

export type CardVerb = keyof typeof CARD_PAYLOADS;
export const CARD_VERBS = Object.keys(CARD_PAYLOADS) as CardVerb[];
export type CardPayload<V extends CardVerb> = z.infer<(typeof CARD_PAYLOADS)[V]>;

export function parseCardPayload<V extends CardVerb>(verb: V, data: unknown): CardPayload<V> | undefined {
  const parsed = CARD_PAYLOADS[verb].safeParse(data);
  return parsed.success ? (parsed.data as CardPayload<V>) : undefined;
}
