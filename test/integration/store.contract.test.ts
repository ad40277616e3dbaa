import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CosmosDocumentStore } from '../../src/store/cosmos/cosmosDocumentStore';
import { createStore } from '../../src/store/createStore';
import {
  DocumentExistsError,
  DocumentNotFoundError,
  InvalidDocumentError,
  MAX_READ_MANY,
  StoreUnavailableError,
  UnreadableDocumentError,
  VersionConflictError,
  type Doc,
  type DocumentStore,
  type Query,
  type Versioned,
} from '../../src/store/documentStore';
import { SqliteDocumentStore } from '../../src/store/sqlite/sqliteDocumentStore';
import {
  startCosmosServer,
  TEST_SERVER_REQUEST_TIMEOUT_MS,
  type CosmosTestServer,
} from '../support/cosmosServer';

/**
 * How each adapter under contract is brought up and torn down. `connect` opens another
 * connection to the same data, as a second instance of the service (or the CLI) would.
 */
interface Subject {
  name: string;
  open(): Promise<{ store: DocumentStore; connect(): DocumentStore; cleanup(): Promise<void> }>;
}

const embedded: Subject = {
  name: 'embedded SQLite store',
  async open() {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'store-contract-'));
    const store = createStore({ kind: 'embedded', dataDir });
    return {
      store,
      connect: () => createStore({ kind: 'embedded', dataDir }),
      cleanup: () => fs.rm(dataDir, { recursive: true, force: true }),
    };
  },
};

const cosmos: Subject = {
  name: 'Cosmos DB adapter (cosmosdb-server over HTTPS)',
  async open() {
    const server = await startCosmosServer();
    // A small page size so that every multi-document query crosses a continuation.
    const connect = () => new CosmosDocumentStore({ ...connectionTo(server), pageSize: 3 });
    return { store: connect(), connect, cleanup: () => server.stop() };
  },
};

function connectionTo(server: CosmosTestServer) {
  return {
    endpoint: server.endpoint,
    key: server.key,
    database: 'contract',
    allowSelfSignedTls: true,
    requestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS,
  };
}

type Person = Doc & {
  name?: string;
  grade?: number | string;
  tags?: string[];
  active?: boolean;
  run?: string;
};

describe.each([embedded, cosmos])('storage contract: $name', (subject) => {
  let store: DocumentStore;
  let connect: () => DocumentStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ store, connect, cleanup } = await subject.open());
    await store.init();
  });

  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  const uniqueId = (prefix: string) => `${prefix}-${randomUUID()}`;

  describe('lifecycle', () => {
    it('can be initialised again and answers a ping', async () => {
      await expect(store.init()).resolves.toBeUndefined();
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });

  describe('point reads and writes', () => {
    it('returns undefined for a document that does not exist', async () => {
      expect(await store.read('people', uniqueId('nobody'), uniqueId('nobody'))).toBeUndefined();
    });

    it('reads back exactly what was written, with no storage metadata', async () => {
      const id = uniqueId('person');
      const doc = {
        id,
        name: 'Siân O’Brien-Ćwikła 🩺',
        grade: 7,
        active: true,
        manager: null,
        tags: ['ward-5', 'nights'],
        rota: { month: '2025-10', shifts: [{ start: '2025-10-26T00:30:00Z', end: '2025-10-26T08:00:00Z' }] },
      };

      const created = await store.create('people', doc);
      const read = await store.read('people', id, id);

      expect(created.doc).toEqual(doc);
      expect(read?.doc).toEqual(doc);
      expect(Object.keys(read?.doc ?? {}).sort()).toEqual(Object.keys(doc).sort());
      expect(read?.etag).toBe(created.etag);
    });

    it('refuses a second create of the same id in the same partition, but not in another partition', async () => {
      const id = uniqueId('offer');
      await store.create('offers', { id, hostId: 'host-a', title: 'first' });

      await expect(store.create('offers', { id, hostId: 'host-a', title: 'second' })).rejects.toBeInstanceOf(
        DocumentExistsError,
      );
      await store.create('offers', { id, hostId: 'host-b', title: 'other host' });

      expect((await store.read('offers', id, 'host-a'))?.doc.title).toBe('first');
      expect((await store.read('offers', id, 'host-b'))?.doc.title).toBe('other host');
    });

    it('replaces only an existing document, and only while its version is current', async () => {
      const id = uniqueId('request');
      const visitorId = uniqueId('visitor');
      await expect(
        store.replace('requests', { id, visitorId, state: 'awaiting_manager' }),
      ).rejects.toBeInstanceOf(DocumentNotFoundError);

      const first = await store.create('requests', { id, visitorId, state: 'draft' });
      const second = await store.replace(
        'requests',
        { id, visitorId, state: 'awaiting_host' },
        { ifMatch: first.etag },
      );

      await expect(
        store.replace('requests', { id, visitorId, state: 'cancelled' }, { ifMatch: first.etag }),
      ).rejects.toBeInstanceOf(VersionConflictError);
      expect(second.etag).not.toBe(first.etag);
      expect((await store.read('requests', id, visitorId))?.doc.state).toBe('awaiting_host');

      const third = await store.replace('requests', { id, visitorId, state: 'confirmed' });
      expect(third.etag).not.toBe(second.etag);
      expect((await store.read('requests', id, visitorId))?.doc).toEqual({
        id,
        visitorId,
        state: 'confirmed',
      });
    });

    it('upserts by creating then overwriting, with a new version each time', async () => {
      const id = uniqueId('job');
      const created = await store.upsert('jobs', { id, kind: 'digest', attempt: 1 });
      const updated = await store.upsert('jobs', { id, kind: 'digest', attempt: 2 });

      expect(updated.etag).not.toBe(created.etag);
      expect(await store.read('jobs', id, 'digest')).toEqual({
        doc: { id, kind: 'digest', attempt: 2 },
        etag: updated.etag,
      });
    });

    it('deletes once, reports false when there is nothing to delete, and respects the version', async () => {
      const id = uniqueId('task');
      const first = await store.create('tasks', { id, assigneeId: 'mgr-1' });
      const second = await store.replace('tasks', { id, assigneeId: 'mgr-1', seen: true });

      await expect(store.delete('tasks', id, 'mgr-1', { ifMatch: first.etag })).rejects.toBeInstanceOf(
        VersionConflictError,
      );
      expect(await store.read('tasks', id, 'mgr-1')).toBeDefined();

      expect(await store.delete('tasks', id, 'mgr-1', { ifMatch: second.etag })).toBe(true);
      expect(await store.read('tasks', id, 'mgr-1')).toBeUndefined();
      expect(await store.delete('tasks', id, 'mgr-1')).toBe(false);
    });

    it('lets exactly one of 20 concurrent replaces quoting the same version win', async () => {
      const id = uniqueId('counter');
      const { etag } = await store.create('jobs', { id, kind: 'counter', value: 0 });

      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, writer) =>
          store.replace('jobs', { id, kind: 'counter', value: writer + 1 }, { ifMatch: etag }),
        ),
      );

      const winners = outcomes.filter((o) => o.status === 'fulfilled');
      const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers.every((o) => o.reason instanceof VersionConflictError)).toBe(true);
      const stored = await store.read('jobs', id, 'counter');
      expect(stored?.etag).toBe((winners[0] as PromiseFulfilledResult<{ etag: string }>).value.etag);
    });

    it.each([
      ['a missing partition key', { id: 'x' }],
      ['an empty partition key', { id: 'x', hostId: '' }],
      ['a numeric partition key', { id: 'x', hostId: 42 }],
      ['an empty id', { id: '', hostId: 'host-a' }],
      ['an id with a slash', { id: 'a/b', hostId: 'host-a' }],
    ])('refuses a document with %s', async (_label, doc) => {
      const bad = doc as unknown as Doc;
      await expect(store.create('offers', bad)).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(store.upsert('offers', bad)).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(store.replace('offers', bad)).rejects.toBeInstanceOf(InvalidDocumentError);
    });
  });

  describe('two connections to the same data', () => {
    let other: DocumentStore;

    beforeAll(async () => {
      other = connect();
      await other.init();
    });

    afterAll(async () => {
      await other.close();
    });

    it("each sees the other's writes and deletes at once", async () => {
      const id = uniqueId('shared');
      const written = await store.create('people', { id, name: 'first' });
      expect(await other.read('people', id, id)).toEqual(written);

      const rewritten = await other.upsert('people', { id, name: 'second' });
      expect(await store.read('people', id, id)).toEqual(rewritten);
      expect(await store.query('people', { partitionKey: id })).toEqual([rewritten.doc]);

      expect(await store.delete('people', id, id)).toBe(true);
      expect(await other.read('people', id, id)).toBeUndefined();
    });

    it('refuses a write quoting a version the other connection has replaced', async () => {
      const id = uniqueId('shared');
      const visitorId = uniqueId('visitor');
      const created = await store.create('requests', { id, visitorId, state: 'draft' });
      const seenHere = await store.read('requests', id, visitorId);
      const seenThere = await other.read('requests', id, visitorId);
      expect(seenHere?.etag).toBe(created.etag);
      expect(seenThere?.etag).toBe(created.etag);

      const won = await other.replace(
        'requests',
        { id, visitorId, state: 'awaiting_host' },
        { ifMatch: seenThere?.etag },
      );
      await expect(
        store.replace('requests', { id, visitorId, state: 'cancelled' }, { ifMatch: seenHere?.etag }),
      ).rejects.toBeInstanceOf(VersionConflictError);
      await expect(
        store.delete('requests', id, visitorId, { ifMatch: seenHere?.etag }),
      ).rejects.toBeInstanceOf(VersionConflictError);
      await expect(other.create('requests', { id, visitorId, state: 'expired' })).rejects.toBeInstanceOf(
        DocumentExistsError,
      );
      expect(await store.read('requests', id, visitorId)).toEqual(won);
    });

    it('lets exactly one of 20 replaces quoting one version win when they come from both', async () => {
      const id = uniqueId('counter');
      const { etag } = await store.create('jobs', { id, kind: 'counter', value: 0 });

      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, writer) =>
          (writer % 2 === 0 ? store : other).replace(
            'jobs',
            { id, kind: 'counter', value: writer + 1 },
            { ifMatch: etag },
          ),
        ),
      );

      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(losers.every((o) => o.reason instanceof VersionConflictError)).toBe(true);
    });

    it('lets exactly one of 20 creates of one id win when they come from both', async () => {
      const id = uniqueId('claim');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, writer) =>
          (writer % 2 === 0 ? store : other).create<Doc>('jobs', { id, kind: 'claim', writer }),
        ),
      );

      const winners = outcomes.filter(
        (o): o is PromiseFulfilledResult<Versioned<Doc>> => o.status === 'fulfilled',
      );
      const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers.every((o) => o.reason instanceof DocumentExistsError)).toBe(true);
      expect(await other.read('jobs', id, 'claim')).toEqual(winners[0]?.value);
    });
  });

  // A store may read a few ids one by one and more in one request (Cosmos DB: up to 2, then a
  // query), so each behaviour is checked with short and long lists.
  describe('reading several documents of one partition at once', () => {
    const host = uniqueId('host');
    const neighbour = uniqueId('host');
    const offer = (id: string, hostId: string, name: string) => ({ id, hostId, name });

    beforeAll(async () => {
      // More documents than the Cosmos subject's page size, so a long list crosses pages.
      for (const n of [1, 2, 3, 4, 5]) await store.create('offers', offer(`o${n}`, host, `offer ${n}`));
      await store.create('offers', offer('o9', neighbour, 'next door'));
    });

    it('returns those found with their versions, in the order asked, leaving out ids with no document', async () => {
      const found = await store.readMany<Doc & { name: string }>('offers', host, [
        'o4',
        'missing',
        'o1',
        'o5',
      ]);
      expect(found.map((f) => f.doc)).toEqual([
        offer('o4', host, 'offer 4'),
        offer('o1', host, 'offer 1'),
        offer('o5', host, 'offer 5'),
      ]);
      for (const f of found) expect(f.etag).toBe((await store.read('offers', f.doc.id, host))?.etag);
    });

    it('reads more documents than a page holds', async () => {
      const found = await store.readMany('offers', host, ['o1', 'o2', 'o3', 'o4', 'o5']);
      expect(found.map((f) => f.doc.id)).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
    });

    it('answers an empty list, or ids none of which exist, with nothing', async () => {
      expect(await store.readMany('offers', host, [])).toEqual([]);
      expect(await store.readMany('offers', uniqueId('nobody'), ['o1', 'o2'])).toEqual([]);
    });

    it('reads an id given twice once', async () => {
      const found = await store.readMany('offers', host, ['o2', 'o2', 'o3', 'o2']);
      expect(found.map((f) => f.doc.id)).toEqual(['o2', 'o3']);
      const longer = await store.readMany('offers', host, ['o4', 'o2', 'o4', 'o3', 'o2']);
      expect(longer.map((f) => f.doc.id)).toEqual(['o4', 'o2', 'o3']);
    });

    it("never returns another partition's documents, even with the same id", async () => {
      await store.create('offers', offer('o1', neighbour, 'same id, other host'));
      const found = await store.readMany<Doc & { name: string }>('offers', host, ['o1', 'o9']);
      expect(found.map((f) => f.doc)).toEqual([offer('o1', host, 'offer 1')]);
      const theirs = await store.readMany<Doc & { name: string }>('offers', neighbour, ['o1', 'o9', 'o2']);
      expect(theirs.map((f) => f.doc.name)).toEqual(['same id, other host', 'next door']);
    });

    it.each([[['o3']], [['o3', 'missing', 'o4']]])(
      'hands out versions a conditional replace accepts until the document changes (%j)',
      async (ids) => {
        const [first] = await store.readMany<Doc & { name: string }>('offers', host, ids);
        if (first?.doc.id !== 'o3') throw new Error('o3 was not read');
        const replaced = await store.replace(
          'offers',
          { ...first.doc, name: 'renamed' },
          { ifMatch: first.etag },
        );
        await expect(
          store.replace('offers', { ...first.doc, name: 'stale' }, { ifMatch: first.etag }),
        ).rejects.toBeInstanceOf(VersionConflictError);
        const [again] = await store.readMany<Doc & { name: string }>('offers', host, ids);
        expect(again).toEqual({ doc: { ...first.doc, name: 'renamed' }, etag: replaced.etag });
      },
    );

    it('does not return a document once it is deleted', async () => {
      await store.create('offers', offer('gone', host, 'soon gone'));
      await store.delete('offers', 'gone', host);
      expect(await store.readMany('offers', host, ['gone', 'o5'])).toHaveLength(1);
      expect(await store.readMany('offers', host, ['gone', 'o5', 'o4'])).toHaveLength(2);
    });

    it('fails as a point read does when one of them cannot be read, naming it and counting it', async () => {
      const visitor = uniqueId('visitor');
      const request = (id: string, state: string) => ({ id, visitorId: visitor, state });
      await store.create('requests', request('fine', 'awaiting_manager'));
      // A request with no known state cannot be decided on: stored, but it cannot be read.
      await store.create('requests', request('damaged', 'no such state'));
      const pointRead = await store.read('requests', 'damaged', visitor).catch((e: unknown) => e);
      expect(pointRead).toBeInstanceOf(UnreadableDocumentError);
      for (const ids of [
        ['fine', 'damaged'],
        ['fine', 'other', 'damaged'],
      ]) {
        const together = await store.readMany('requests', visitor, ids).catch((e: unknown) => e);
        expect(together).toBeInstanceOf(UnreadableDocumentError);
        expect(together).toMatchObject({ container: 'requests', id: 'damaged' });
      }
      expect(store.damage.list()).toContainEqual({
        container: 'requests',
        partitionKey: visitor,
        id: 'damaged',
      });
      // Without the damaged one, the rest reads as usual.
      expect((await store.readMany('requests', visitor, ['fine', 'other'])).map((f) => f.doc.id)).toEqual([
        'fine',
      ]);
      const longer = await store.readMany('requests', visitor, ['other', 'fine', 'more']);
      expect(longer.map((f) => f.doc.id)).toEqual(['fine']);
    });

    it('refuses an unusable id or partition key, and a list too long, as a point read does', async () => {
      await expect(store.readMany('offers', host, ['o1', 'bad/id'])).rejects.toBeInstanceOf(
        InvalidDocumentError,
      );
      await expect(store.readMany('offers', '', ['o1'])).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(store.readMany('offers', '', [])).rejects.toBeInstanceOf(InvalidDocumentError);
      const tooMany = Array.from({ length: MAX_READ_MANY + 1 }, (_, i) => `id-${i}`);
      await expect(store.readMany('offers', host, tooMany)).rejects.toBeInstanceOf(InvalidDocumentError);
      expect(await store.readMany('offers', host, tooMany.slice(1))).toEqual([]);
    });
  });

  describe('queries', () => {
    const team = uniqueId('team');
    const elsewhere = uniqueId('team');
    const people: Person[] = [
      { id: 'p1', name: 'apple', grade: 5, tags: ['nights', 'theatre'], active: true },
      { id: 'p2', name: 'Zebra', grade: 7, tags: ['days'], active: false },
      { id: 'p3', name: 'Émile', grade: 6, tags: [], active: true },
      { id: 'p4', name: 'banana', grade: 8, tags: ['nights'], active: true },
      { id: 'p5', name: "x' OR 1=1 --", grade: 4, active: false },
      { id: 'p6', name: '${x}', grade: 9, active: true },
      { id: 'p7', name: 'no grade', active: true },
      { id: 'p8', name: 'text grade', grade: '6', active: true },
    ];

    beforeAll(async () => {
      for (const person of people) await store.create('offers', { ...person, hostId: team });
      await store.create('offers', { id: 'p1', hostId: elsewhere, name: 'apple', grade: 5, active: true });
    });

    const ids = async (query: Omit<Query, 'partitionKey'>) =>
      (await store.query<Person>('offers', { partitionKey: team, ...query })).map((doc) => doc.id).sort();

    it('returns the whole partition, and only that partition, across pages', async () => {
      const found = await store.query<Person>('offers', { partitionKey: team });
      expect(found.map((doc) => doc.id).sort()).toEqual(people.map((p) => p.id).sort());
      expect(found.find((doc) => doc.id === 'p1')).toEqual({ ...people[0], hostId: team });
    });

    it.each<[string, Query['where'], string[]]>([
      ['=', [{ field: 'name', op: '=', value: 'banana' }], ['p4']],
      ['= on a boolean', [{ field: 'active', op: '=', value: false }], ['p2', 'p5']],
      [
        '!= (skipping missing fields and other types)',
        [{ field: 'grade', op: '!=', value: 6 }],
        ['p1', 'p2', 'p4', 'p5', 'p6'],
      ],
      ['<', [{ field: 'grade', op: '<', value: 6 }], ['p1', 'p5']],
      ['<=', [{ field: 'grade', op: '<=', value: 6 }], ['p1', 'p3', 'p5']],
      ['>', [{ field: 'grade', op: '>', value: 7 }], ['p4', 'p6']],
      ['>=', [{ field: 'grade', op: '>=', value: 7 }], ['p2', 'p4', 'p6']],
      ['in', [{ field: 'name', op: 'in', value: ['apple', 'banana', 'cherry'] }], ['p1', 'p4']],
      ['in with an empty list', [{ field: 'name', op: 'in', value: [] }], []],
      ['contains', [{ field: 'tags', op: 'contains', value: 'nights' }], ['p1', 'p4']],
      ['ordinal string comparison', [{ field: 'name', op: '<', value: 'a' }], ['p2', 'p6']],
      [
        'several conditions together',
        [
          { field: 'active', op: '=', value: true },
          { field: 'grade', op: '>=', value: 5 },
          { field: 'tags', op: 'contains', value: 'nights' },
        ],
        ['p1', 'p4'],
      ],
    ])('filters with %s', async (_label, where, expected) => {
      expect(await ids({ where })).toEqual(expected);
    });

    it('treats hostile text as a plain value', async () => {
      expect(await ids({ where: [{ field: 'name', op: '=', value: "x' OR 1=1 --" }] })).toEqual(['p5']);
      expect(await ids({ where: [{ field: 'name', op: '=', value: '${x}' }] })).toEqual(['p6']);
      expect(await ids({ where: [{ field: 'name', op: '=', value: "' OR 1=1 --" }] })).toEqual([]);
      expect(await ids({ where: [{ field: 'name', op: 'in', value: ['") OR true OR ("'] }] })).toEqual([]);
    });

    it.each(['name OR 1=1', 'a.b', '1grade', 'name"]', ''])('refuses the field name %j', async (field) => {
      await expect(
        store.query('offers', { partitionKey: team, where: [{ field, op: '=', value: 'x' }] }),
      ).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(
        store.query('offers', { partitionKey: team, orderBy: { field, direction: 'asc' } }),
      ).rejects.toBeInstanceOf(InvalidDocumentError);
    });

    it('orders strings ordinally, both ways, and limits the result', async () => {
      const named = [
        { field: 'active', op: '=', value: true } as const,
        { field: 'grade', op: '>=', value: 5 } as const,
      ];
      const ascending = await store.query<Person>('offers', {
        partitionKey: team,
        where: named,
        orderBy: { field: 'name', direction: 'asc' },
      });
      const descending = await store.query<Person>('offers', {
        partitionKey: team,
        where: named,
        orderBy: { field: 'name', direction: 'desc' },
        limit: 2,
      });

      expect(ascending.map((p) => p.name)).toEqual(['${x}', 'apple', 'banana', 'Émile']);
      expect(descending.map((p) => p.name)).toEqual(['Émile', 'banana']);
    });

    it('orders numbers and applies a limit of zero', async () => {
      const byGrade = await store.query<Person>('offers', {
        partitionKey: team,
        where: [{ field: 'grade', op: '>', value: 0 }],
        orderBy: { field: 'grade', direction: 'desc' },
        limit: 3,
      });
      expect(byGrade.map((p) => p.grade)).toEqual([9, 8, 7]);
      expect(await store.query('offers', { partitionKey: team, limit: 0 })).toEqual([]);
    });

    it('queries across partitions when no partition key is given', async () => {
      const found = await store.query<Person>('offers', {
        where: [{ field: 'name', op: '=', value: 'apple' }],
      });
      const owners = found.filter((doc) => doc.id === 'p1').map((doc) => doc.hostId);
      expect(owners.sort()).toEqual([team, elsewhere].sort());
    });

    it('brings each document found with its version: the same documents as the query, and the tag a conditional write accepts until the document changes', async () => {
      const host = uniqueId('team');
      for (const id of ['v1', 'v2', 'v3'])
        await store.create('offers', { id, hostId: host, name: id, grade: 1 });
      const query: Query = {
        where: [{ field: 'hostId', op: '=', value: host }],
        orderBy: { field: 'name', direction: 'desc' },
        limit: 2,
      };
      const versioned = await store.queryVersioned<Person>('offers', query);
      expect(versioned.map((found) => found.doc)).toEqual(await store.query<Person>('offers', query));
      expect(versioned.map((found) => found.doc.id)).toEqual(['v3', 'v2']);
      const [v3, v2] = versioned as [Versioned<Person>, Versioned<Person>];
      expect(v3.etag).toBe((await store.read('offers', 'v3', host))?.etag);

      await store.replace('offers', { ...v2.doc, grade: 2 }, { ifMatch: v2.etag });
      // The tag a query brought is refused once someone else has changed the document since.
      await expect(
        store.replace('offers', { ...v2.doc, grade: 3 }, { ifMatch: v2.etag }),
      ).rejects.toBeInstanceOf(VersionConflictError);
      const [again] = await store.queryVersioned<Person>('offers', {
        partitionKey: host,
        where: [{ field: 'id', op: '=', value: 'v2' }],
      });
      expect(again?.doc.grade).toBe(2);
      expect(again?.etag).not.toBe(v2.etag);
      await expect(
        store.replace('offers', { ...v2.doc, grade: 4 }, { ifMatch: again?.etag }),
      ).resolves.toMatchObject({
        doc: { grade: 4 },
      });
    });

    it('orders and limits across partitions', async () => {
      const found = await store.query<Person>('offers', {
        where: [
          { field: 'grade', op: '>=', value: 5 },
          { field: 'hostId', op: 'in', value: [team, elsewhere] },
        ],
        orderBy: { field: 'grade', direction: 'asc' },
        limit: 3,
      });
      expect(found.map((doc) => [doc.grade, doc.id])).toEqual([
        [5, 'p1'],
        [5, 'p1'],
        [6, 'p3'],
      ]);
    });
  });
});

describe('Cosmos DB adapter when the account is unreachable', () => {
  let server: CosmosTestServer;
  let store: CosmosDocumentStore;

  beforeAll(async () => {
    server = await startCosmosServer();
    store = new CosmosDocumentStore(connectionTo(server));
    await store.init();
  });

  afterAll(async () => {
    await store.close();
    await server.stop();
  });

  it('reports a stopped server as unavailable at once, and recovers with its data after a restart', async () => {
    await store.create('people', { id: 'kept', name: 'kept' });
    await server.stop();

    // At once: the refused connection is the answer, with no retry (and so no wait) before it.
    const failures = [
      await store.ping().catch((error: unknown) => error),
      await store.read('people', 'kept', 'kept').catch((error: unknown) => error),
      await store.query('people', { partitionKey: 'kept' }).catch((error: unknown) => error),
    ];
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect(networkFailureOf(failure)).toEqual({ code: 'ECONNREFUSED', retries: 0 });
    }

    await server.restart();
    await expect(store.ping()).resolves.toBeUndefined();
    expect((await store.read('people', 'kept', 'kept'))?.doc).toEqual({ id: 'kept', name: 'kept' });
  });

  it('reports a server that accepts connections but never answers as unavailable once the request times out', async () => {
    const silent = await startSilentServer();
    const stuck = new CosmosDocumentStore({
      ...connectionTo(server),
      endpoint: silent.endpoint,
      requestTimeoutMs: 1_000,
    });
    try {
      // Given up after one request each, when the request timeout ran out: no retry, no second wait.
      // (That the configured timeout reaches the client is checked in cosmosClientOptions.test.ts;
      // without it the SDK's own 60 s would outlast this test.)
      const failures = [
        await stuck.ping().catch((error: unknown) => error),
        await stuck.read('people', 'kept', 'kept').catch((error: unknown) => error),
      ];
      for (const failure of failures) {
        expect(failure).toBeInstanceOf(StoreUnavailableError);
        expect(networkFailureOf(failure)).toEqual({ code: 'TimeoutError', retries: 0 });
      }
      expect(silent.connections()).toBe(failures.length);
    } finally {
      await stuck.close();
      await silent.stop();
    }
  });
});

describe('createStore', () => {
  it('picks the adapter the settings name', async () => {
    const cosmosStore = createStore({
      kind: 'cosmos',
      endpoint: 'https://127.0.0.1:1',
      key: Buffer.from('k').toString('base64'),
      database: 'd',
      allowSelfSignedTls: true,
    });
    const embeddedStore = createStore({ kind: 'embedded', dataDir: os.tmpdir() });

    expect(cosmosStore).toBeInstanceOf(CosmosDocumentStore);
    expect(embeddedStore).toBeInstanceOf(SqliteDocumentStore);
    await cosmosStore.close();
    await embeddedStore.close();
  });
});

/**
 * What the Cosmos SDK says went wrong under a store error: the network error's code, and how many
 * times it tried again before giving up (each retry is recorded in the SDK's diagnostics).
 */
function networkFailureOf(error: unknown): { code: unknown; retries: number | undefined } {
  const cause = (error as Error).cause as
    | {
        code?: unknown;
        diagnostics?: {
          clientSideRequestStatistics?: { retryDiagnostics?: { failedAttempts?: unknown[] } };
        };
      }
    | undefined;
  return {
    code: cause?.code,
    retries: cause?.diagnostics?.clientSideRequestStatistics?.retryDiagnostics?.failedAttempts?.length,
  };
}

/** A TCP server that accepts connections and then says nothing, like a hung gateway. */
async function startSilentServer(): Promise<{
  endpoint: string;
  connections(): number;
  stop(): Promise<void>;
}> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    connections: () => accepted,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
