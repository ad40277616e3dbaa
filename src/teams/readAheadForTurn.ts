import type { TurnContext } from 'botbuilder';
import type { ReadAheadStore } from '../store/readAheadStore';
import { actorId } from './identity';

/** Ids in card data are read ahead only when they look like ids; anything else is left to the handler. */
const ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Starts reading what this activity names, alongside the bot's own state: the person sending it
 * and, from a card button's data, the request or the person's own offer it is about. Only reads:
 * who may do what is still decided by the handler on what it reads.
 */
export function readAheadForTurn(context: TurnContext, store: ReadAheadStore): void {
  const personId = actorId(context);
  if (!personId || !ID.test(personId)) return;
  store.readAhead('people', personId, personId);
  const data = cardData(context);
  const requestId = text(data.requestId);
  if (requestId) store.readAhead('requests', requestId, text(data.visitorId) ?? personId);
  const offerId = text(data.offerId);
  if (offerId && typeof data.verb === 'string' && data.verb.startsWith('offer_'))
    store.readAhead('offers', offerId, personId);
}

/** A card button's data: Action.Execute carries it in `value.action.data`, Action.Submit in `value`. */
function cardData(context: TurnContext): Record<string, unknown> {
  const value = context.activity.value as { action?: { data?: unknown } } | undefined;
  const data = value?.action?.data ?? value;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && ID.test(value) ? value : undefined;
}
