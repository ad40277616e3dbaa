import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ReadAheadStore } from '../../../src/store/readAheadStore';
import { PeopleRepository } from '../../../src/store/repositories/peopleRepository';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';
import { BotStateStorage } from '../../../src/teams/botStateStorage';
import { stateDocumentId } from '../../../src/store/stateDocumentId';
import { createRecentCopies, RECENT_COPY_MS } from '../../../src/teams/recentCopies';
import { traceStore, type StoreTrace } from '../../support/storeTrace';

const USER_KEY = 'msteams/28:bot/users/29:alex';
const CONVERSATION_KEY = 'msteams/28:bot/conversations/a:alex-personal';

/** The copies as the bot wires them: a people repository and bot state over one read-ahead store. */
describe("this instance's recent copies of people and of user state", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'recent-copies-'));
  const inner = new SqliteDocumentStore(dataDir);
  let now = new Date('2026-12-06T10:00:00Z').getTime();
  let store: ReadAheadStore;
  let people: PeopleRepository;
  let state: BotStateStorage;
  let trace: StoreTrace;

  beforeAll(async () => {
    await inner.init();
    trace = traceStore(inner);
  });
  beforeEach(async () => {
    store = new ReadAheadStore(inner);
    const recent = createRecentCopies(store, () => new Date(now));
    people = new PeopleRepository(store, recent.people);
    state = new BotStateStorage(store, undefined, recent.userState);
    await inner.upsert('people', { id: 'alex', name: 'Alex Wilber', roles: ['staff'] });
    await state.write({ [USER_KEY]: { welcomed: true }, [CONVERSATION_KEY]: { draft: { step: 'purpose' } } });
    trace.clear();
  });
  afterAll(async () => {
    trace.restore();
    await inner.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const reads = (container: string) =>
    trace.calls.filter((c) => c.operation === 'read' && c.container === container).length;

  it('answers a person read in the last 30 seconds from the copy, and reads them again after', async () => {
    expect(people.findRecent('alex')).toBeUndefined();
    await people.findVersioned('alex');
    now += RECENT_COPY_MS - 1;
    expect(people.findRecent('alex')?.doc.name).toBe('Alex Wilber');
    now += 1;
    expect(people.findRecent('alex')).toBeUndefined();
    expect(reads('people')).toBe(1);
  });

  it('drops the copy of a person as soon as this instance writes them, whoever in it writes', async () => {
    const read = await people.findVersioned('alex');
    await people.rememberConversation('alex', { conversation: { id: 'a:new' } }, read);
    expect(people.findRecent('alex')).toBeUndefined();
    await people.findVersioned('alex');
    await store.upsert('people', { id: 'alex', name: 'Alex Renamed', roles: ['staff'] });
    expect(people.findRecent('alex')).toBeUndefined();
    expect((await people.findVersioned('alex'))?.doc.name).toBe('Alex Renamed');
  });

  it('gives each caller a copy of its own, so changing one changes neither the next nor the store', async () => {
    await people.findVersioned('alex');
    const first = people.findRecent('alex');
    (first?.doc as { name: string }).name = 'Changed';
    expect(people.findRecent('alex')?.doc.name).toBe('Alex Wilber');
  });

  it('gives a copy only when it passes the caller’s test, looking at the copy without changing it', async () => {
    await people.findVersioned('alex');
    const looked: string[] = [];
    expect(
      people.findRecent('alex', (person) => {
        looked.push(person.name);
        return person.roles.includes('programme_lead');
      }),
    ).toBeUndefined();
    expect(people.findRecent('alex', (person) => person.roles.includes('staff'))?.doc.name).toBe(
      'Alex Wilber',
    );
    expect(looked).toEqual(['Alex Wilber']);
    expect(reads('people')).toBe(1);
  });

  it('reads user state once in 30 seconds, and conversation state every time', async () => {
    let turns = 0;
    const turn = async () => {
      turns += 1;
      const items = await state.read([CONVERSATION_KEY, USER_KEY]);
      expect(items[USER_KEY]).toEqual(expect.objectContaining({ welcomed: true }));
      expect(items[CONVERSATION_KEY]).toEqual(expect.objectContaining({ draft: { step: 'purpose' } }));
    };
    // Each turn reads its conversation's state; what is read beyond that is user state.
    const userStateReads = () => reads('botstate') - turns;
    for (let n = 0; n < 3; n += 1) await turn();
    expect(userStateReads()).toBe(1);
    now += RECENT_COPY_MS;
    await turn();
    expect(userStateReads()).toBe(2);
  });

  it("drops the copy of user state when this instance writes or deletes it (a turn's save, an erasure)", async () => {
    await state.read([USER_KEY]);
    const [read] = Object.values(await state.read([USER_KEY])) as Array<{ eTag: string }>;
    await state.write({ [USER_KEY]: { welcomed: true, changed: 1, eTag: read?.eTag } });
    expect(await state.read([USER_KEY])).toEqual({ [USER_KEY]: expect.objectContaining({ changed: 1 }) });
    const id = stateDocumentId(USER_KEY);
    await store.delete('botstate', id, id);
    expect(await state.read([USER_KEY])).toEqual({});
  });

  it('merges a save from the recent copy with what another instance wrote since, keeping both', async () => {
    await state.read([USER_KEY]);
    const turn = (await state.read([USER_KEY]))[USER_KEY] as Record<string, unknown>;
    const id = stateDocumentId(USER_KEY);
    // Another instance, not through this one's store: this instance's copy is now out of date.
    await inner.upsert('botstate', { id, key: USER_KEY, state: { welcomed: true, seenOffers: true } });
    await state.write({ [USER_KEY]: { ...turn, seenHelp: true } });
    const saved = await inner.read<{ id: string; state: Record<string, unknown> }>('botstate', id, id);
    expect(saved?.doc.state).toEqual({ welcomed: true, seenHelp: true, seenOffers: true });
  });

  it('keeps a changed copy of state to itself: what one turn changes in its state is not the next turn’s', async () => {
    const first = await state.read([USER_KEY]);
    (first[USER_KEY] as { welcomed: boolean }).welcomed = false;
    expect((await state.read([USER_KEY]))[USER_KEY]).toEqual(expect.objectContaining({ welcomed: true }));
  });
});
