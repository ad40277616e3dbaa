import type { TurnContext } from 'botbuilder';
import type { Services } from '../app/services';
import { awaitsFirstDecision, isPlaceHeld } from '../app/submitRequest';
import type { RequestDraft } from '../domain/requestDialog/draft';
import type { AppTurnState, ConversationState } from './appTurnState';
import { BotTurnState } from './botTurnState';
import { actorId } from './identity';

/*
 * "Send" answers once the request and its place are written, so the conversation is saved beside
 * them, before the send's outcome is known: with the draft still held, marked as being sent
 * (`sending`, its id). Nothing is lost if the request's write fails: the draft is there to send
 * again, and sending the same draft twice makes one request (its id is the request's). Once the
 * outcome is known, after the answer, the stored conversation drops the draft (sent) or takes the
 * draft to ask again with (settleStoredDraft). If that never happens (the process stopped, the
 * store failed), the next turn that finds the draft still marked asks the store whether it was
 * sent before any handler sees it (settleSendingDraft).
 */

/** The conversation as saved beside a send: the draft kept, marked as being sent. */
export function holdWhileSending(state: AppTurnState, draft: RequestDraft & { id: string }): void {
  state.conversation.draft = draft;
  state.conversation.sending = draft.id;
}

/**
 * After a send's answer: the stored conversation, if it still holds the draft as being sent, drops
 * it (`next` undefined: sent) or takes `next` in its place (not sent: the draft to ask again with).
 * A later turn's change stands.
 */
export async function settleStoredDraft(
  state: AppTurnState,
  draftId: string,
  next: RequestDraft | undefined,
): Promise<void> {
  if (!(state instanceof BotTurnState)) return;
  await state.changeStoredConversation((stored) =>
    stored.sending === draftId && stored.draft?.id === draftId ? settled(stored, next) : undefined,
  );
}

function settled(stored: ConversationState, next: RequestDraft | undefined): ConversationState {
  const { sending: _sending, draft: _draft, ...rest } = stored;
  return next ? { ...rest, draft: next } : rest;
}

/**
 * Before a turn's handlers: a draft the conversation still holds as being sent is dropped if its
 * request was sent, and otherwise kept to send again, no longer marked. Sent means stored with its
 * place held, or acted on since: a request stored by a send that stopped before holding its place
 * is never announced (the scheduler removes it), so its draft is kept.
 */
export async function settleSendingDraft(
  context: TurnContext,
  state: AppTurnState,
  services: Services,
): Promise<void> {
  const { draft, sending } = state.conversation;
  if (sending === undefined) return;
  delete state.conversation.sending;
  const visitorId = actorId(context);
  if (!draft || draft.id !== sending || !visitorId) return;
  if (await wasSent(services, visitorId, sending)) state.conversation.draft = undefined;
}

async function wasSent(services: Services, visitorId: string, requestId: string): Promise<boolean> {
  const found = await services.requests.find(visitorId, requestId);
  if (!found) return false;
  return !awaitsFirstDecision(found.request) || isPlaceHeld(services.holds, found.request);
}
