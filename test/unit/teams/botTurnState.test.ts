import { MemoryStorage, TestAdapter, TurnContext, type Activity, type StoreItems } from 'botbuilder';
import { BotTurnState } from '../../../src/teams/botTurnState';

const CONVERSATION_KEY = 'msteams/bot/conversations/chat-1';
const USER_KEY = 'msteams/bot/users/user-1';

function contextFor(activity: Partial<Activity>): TurnContext {
  return new TurnContext(new TestAdapter(), {
    channelId: 'msteams',
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: 'chat-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'Alex' },
    ...activity,
  });
}

const cardAction = (verb: unknown): Partial<Activity> => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb, data: {} } },
});

/** A storage holding a draft and a welcome, counting what is read and written. */
function storageWithState() {
  const storage = new MemoryStorage();
  const reads: string[][] = [];
  const writes: StoreItems[] = [];
  const read = storage.read.bind(storage);
  const write = storage.write.bind(storage);
  storage.read = (keys) => (reads.push(keys), read(keys));
  storage.write = (changes) => (writes.push(changes), write(changes));
  return {
    storage,
    reads,
    writes,
    seed: () =>
      write({
        [CONVERSATION_KEY]: { draft: { step: 'purpose' } },
        [USER_KEY]: { welcomed: true },
      }),
  };
}

describe('BotTurnState', () => {
  it('reads no bot state for a decision or a cover answer, and saves nothing it did not change', async () => {
    for (const verb of ['decide', 'cover']) {
      const { storage, reads, writes, seed } = storageWithState();
      await seed();
      const state = new BotTurnState();
      const context = contextFor(cardAction(verb));
      await state.load(context, storage);
      expect(state.conversation).toEqual({});
      expect(state.user).toEqual({});
      await state.save(context, storage);
      expect(reads).toEqual([]);
      expect(writes).toEqual([]);
      // What was stored is as it was.
      expect(await storage.read([CONVERSATION_KEY])).toMatchObject({
        [CONVERSATION_KEY]: { draft: { step: 'purpose' } },
      });
    }
  });

  it('fails such a turn that changes the state it did not read, rather than overwrite what is stored', async () => {
    const { storage, writes, seed } = storageWithState();
    await seed();
    const state = new BotTurnState();
    const context = contextFor(cardAction('decide'));
    await state.load(context, storage);
    Object.assign(state.conversation, { draft: { step: 'what' } });
    state.user.welcomed = false;
    await expect(state.save(context, storage)).rejects.toThrow(/conversation and user state/);
    expect(writes).toEqual([]);
    expect(await storage.read([CONVERSATION_KEY, USER_KEY])).toMatchObject({
      [CONVERSATION_KEY]: { draft: { step: 'purpose' } },
      [USER_KEY]: { welcomed: true },
    });
  });

  it('reads and saves the state of every other turn: messages, other card actions, other invokes', async () => {
    const others: Array<Partial<Activity>> = [
      { type: 'message', text: 'my requests' },
      { type: 'message', value: { verb: 'decide' } },
      cardAction('data_erase_confirm'),
      cardAction(['decide']),
      { type: 'invoke', name: 'task/fetch', value: { action: { verb: 'decide' } } },
    ];
    for (const activity of others) {
      const { storage, reads, seed } = storageWithState();
      await seed();
      const state = new BotTurnState();
      const context = contextFor(activity);
      await state.load(context, storage);
      expect(reads).toEqual([[CONVERSATION_KEY, USER_KEY]]);
      expect(state.conversation.draft).toEqual({ step: 'purpose' });
      state.user.welcomed = false;
      await state.save(context, storage);
      expect(await storage.read([USER_KEY])).toMatchObject({ [USER_KEY]: { welcomed: false } });
    }
  });
});
