import type { DocumentStore } from '../../src/store/documentStore';
import { stateDocumentId } from '../../src/store/stateDocumentId';
import { BOT_ID, type Actor } from './activities';

/** The key teams-ai saves a chat's conversation state under: channel, bot, then conversation. */
export function conversationStateKey(chat: Actor): string {
  return `msteams/${BOT_ID}/conversations/${chat.conversationId}`;
}

/** The chat's conversation state as stored, or undefined when none has been saved. */
export async function storedConversationState(
  store: DocumentStore,
  chat: Actor,
): Promise<Record<string, unknown> | undefined> {
  const id = stateDocumentId(conversationStateKey(chat));
  return (await store.read('botstate', id, id))?.doc.state as Record<string, unknown> | undefined;
}

/** Saves `state` as the chat's conversation state, as a turn would. */
export function storeConversationState(
  store: DocumentStore,
  chat: Actor,
  state: Record<string, unknown>,
): Promise<unknown> {
  const key = conversationStateKey(chat);
  return store.upsert('botstate', { id: stateDocumentId(key), key, state });
}
