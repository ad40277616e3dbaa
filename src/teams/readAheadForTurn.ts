import type { TurnContext } from 'botbuilder';
import { readAheadDecision } from '../app/readAheadDecision';
import { readAheadSend } from '../app/readAheadSend';
import type { Services } from '../app/services';
import type { ReadAheadStore } from '../store/readAheadStore';
import { OWN_DATA_COMMANDS, parseCommand } from './commands';
import { actorId, canRecognise } from './identity';

/** Ids in card data are read ahead only when they look like ids; anything else is left to the handler. */
const ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Starts reading what this activity names, alongside the bot's own state: the person sending it
 * and, from a card button's data, the request (and its visitor) or the person's own offer it is about,
 * and what a decision on the request will read once it has read it (see readAheadDecision). Only
 * reads: who may do what is still decided by the handler on what it reads.
 */
export function readAheadForTurn(context: TurnContext, store: ReadAheadStore, services: Services): void {
  const personId = actorId(context);
  if (!personId || !ID.test(personId)) return;
  // A typed "my requests" or "my offers" from someone this instance knows needs no read of them.
  if (!(isOwnDataMessage(context) && canRecognise(context, services.people)))
    store.readAhead('people', personId, personId);
  const data = cardData(context);
  const requestId = text(data.requestId);
  const visitorId = text(data.visitorId);
  if (requestId) store.readAhead('requests', requestId, visitorId ?? personId);
  // The visitor's directory entry: a decision on their request describes them (name, rota, grade).
  if (requestId && visitorId && visitorId !== personId) store.readAhead('people', visitorId, visitorId);
  const draftId = data.verb === 'draft_submit' ? text(data.draftId) : undefined;
  if (draftId) readAheadSending(store, services, personId, draftId, data);
  const action = text(data.action);
  if (requestId && visitorId && action)
    store.readingAhead(() =>
      readAheadDecision(services, {
        action,
        visitorId,
        ...optional('start', data.start),
        ...optional('end', data.end),
        ...optional('hostId', text(data.hostId)),
        ...optional('offerId', text(data.offerId)),
      }),
    );
  const offerId = text(data.offerId);
  if (offerId && typeof data.verb === 'string' && data.verb.startsWith('offer_'))
    store.readAhead('offers', offerId, personId);
}

/** A typed message that is a command showing the person only their own data. */
function isOwnDataMessage(context: TurnContext): boolean {
  const { type, text: typed, value } = context.activity;
  if (type !== 'message' || value !== undefined || typeof typed !== 'string') return false;
  const command = parseCommand(typed.trim());
  return command !== undefined && OWN_DATA_COMMANDS.has(command);
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

/** "Send to my manager": the draft's request, if it was sent already, and what sending reads. */
function readAheadSending(
  store: ReadAheadStore,
  services: Services,
  personId: string,
  draftId: string,
  data: Record<string, unknown>,
): void {
  store.readAhead('requests', draftId, personId);
  const [hostId, offerId] = [text(data.hostId), text(data.offerId)];
  const [start, end] = [data.start, data.end];
  if (hostId && offerId && typeof start === 'string' && typeof end === 'string')
    store.readingAhead(() => readAheadSend(services, { visitorId: personId, hostId, offerId, start, end }));
}

function optional<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};
}
