import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging/logger';
import {
  DocumentNotFoundError,
  StoreUnavailableError,
  UnreadableDocumentError,
} from '../../src/store/documentStore';
import { LegacyLayoutError } from '../../src/store/legacy/findLegacyLayout';
import { SqliteDocumentStore } from '../../src/store/sqlite/sqliteDocumentStore';

const HOUR = 3_600_000;

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sqlite-store-'));
});
afterEach(async () => fs.rm(dataDir, { recursive: true, force: true }));

async function openStore(options: ConstructorParameters<typeof SqliteDocumentStore>[1] = {}) {
  const store = new SqliteDocumentStore(dataDir, options);
  await store.init();
  return store;
}

/** Looks at the database file directly, as an operator with the sqlite3 shell would. */
function inspect<R>(look: (db: DatabaseSync) => R): R {
  const db = new DatabaseSync(path.join(dataDir, 'shadowing.db'));
  try {
    return look(db);
  } finally {
    db.close();
  }
}

const idsOf = (docs: Array<{ id: string }>) => docs.map((doc) => doc.id).sort();

describe('embedded SQLite store: the database file', () => {
  it('keeps every container in one database in DATA_DIR, in WAL mode, with the version in a column', async () => {
    const store = await openStore();
    const { etag } = await store.create('requests', { id: 'r1', visitorId: 'visitor/ä b', state: 'draft' });
    await store.upsert('people', { id: 'Person.One', name: 'Upper case and dots' });
    await store.close();

    expect((await fs.readdir(dataDir)).filter((name) => !name.startsWith('shadowing.db'))).toEqual([]);
    const row = inspect((db) => ({
      mode: (db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode,
      stored: db
        .prepare("SELECT etag, body FROM documents WHERE container = 'requests' AND id = 'r1'")
        .get() as { etag: string; body: string },
    }));
    expect(row.mode).toBe('wal');
    expect(row.stored.etag).toBe(etag);
    expect(JSON.parse(row.stored.body)).toEqual({ id: 'r1', visitorId: 'visitor/ä b', state: 'draft' });
  });

  it('keeps documents across closing and reopening, ids compared exactly', async () => {
    const first = await openStore();
    const written = await first.create('requests', {
      id: 'req-1',
      visitorId: 'visitor/ä b.c',
      state: 'awaiting_manager',
    });
    await first.upsert('people', { id: 'Person.One', name: 'kept' });
    await first.close();

    const second = await openStore();
    expect(await second.read('requests', 'req-1', 'visitor/ä b.c')).toEqual(written);
    expect((await second.read('people', 'Person.One', 'Person.One'))?.doc.name).toBe('kept');
    expect(await second.read('people', 'person.one', 'person.one')).toBeUndefined();
    expect(await second.query('requests', { partitionKey: 'visitor/ä b.c' })).toEqual([written.doc]);
    await second.close();
  });

  it('refuses work after it is closed, as unavailable', async () => {
    const store = await openStore();
    await store.close();
    await expect(store.read('people', 'p1', 'p1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.upsert('people', { id: 'p1' })).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('reports a database file that is not a database as unavailable, without changing it', async () => {
    const file = path.join(dataDir, 'shadowing.db');
    await fs.writeFile(file, 'this is not a database '.repeat(200));
    const store = new SqliteDocumentStore(dataDir);
    await expect(store.init()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await fs.readFile(file, 'utf8')).toBe('this is not a database '.repeat(200));
  });
});

describe('embedded SQLite store: a document that cannot be read', () => {
  it('fails only that document: reads of it say so, queries return the others', async () => {
    const lines: string[] = [];
    const logger = createLogger(
      'warn',
      new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }),
    );
    const store = await openStore({ logger });
    for (const id of ['a', 'b', 'c']) await store.create('tasks', { id, assigneeId: 'mgr', n: id });
    await store.create('tasks', { id: 'elsewhere', assigneeId: 'other' });
    inspect((db) =>
      db.prepare(`UPDATE documents SET body = '{"id":"b","assigneeId":"mg' WHERE id = 'b'`).run(),
    );

    expect(idsOf(await store.query('tasks', { partitionKey: 'mgr' }))).toEqual(['a', 'c']);
    expect(idsOf(await store.query('tasks'))).toEqual(['a', 'c', 'elsewhere']);
    const failure = await store.read('tasks', 'b', 'mgr').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnreadableDocumentError);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect(failure).toMatchObject({ container: 'tasks', id: 'b' });
    expect((await store.read('tasks', 'a', 'mgr'))?.doc).toEqual({ id: 'a', assigneeId: 'mgr', n: 'a' });
    // Read together, as point reads: the damaged one fails the call, the others read without it.
    await expect(store.readMany('tasks', 'mgr', ['a', 'b', 'c'])).rejects.toMatchObject({
      container: 'tasks',
      id: 'b',
    });
    expect((await store.readMany('tasks', 'mgr', ['a', 'c'])).map((f) => f.doc.id)).toEqual(['a', 'c']);

    const warnings = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(warnings.length).toBeGreaterThanOrEqual(3);
    expect(warnings[0]).toMatchObject({ container: 'tasks', partitionKey: 'mgr', id: 'b' });

    // Writing the document again mends it.
    await store.upsert('tasks', { id: 'b', assigneeId: 'mgr', n: 'b' });
    expect(idsOf(await store.query('tasks', { partitionKey: 'mgr' }))).toEqual(['a', 'b', 'c']);
    await store.close();
  });

  it('treats a body holding another id as unreadable', async () => {
    const store = await openStore();
    await store.create('people', { id: 'p1', name: 'one' });
    inspect((db) => db.prepare(`UPDATE documents SET body = '{"id":"p2"}' WHERE id = 'p1'`).run());
    await expect(store.read('people', 'p1', 'p1')).rejects.toBeInstanceOf(UnreadableDocumentError);
    expect(await store.query('people')).toEqual([]);
    await store.close();
  });
});

/**
 * Time to live, as Cosmos DB applies it: a document with `ttl` seconds is gone that long after its
 * last write. Two stores share one database; the second's clock runs two hours ahead.
 */
describe('embedded SQLite store: time to live', () => {
  let today: SqliteDocumentStore;
  let later: SqliteDocumentStore;
  beforeEach(async () => {
    today = await openStore();
    later = new SqliteDocumentStore(dataDir, { now: () => Date.now() + 2 * HOUR });
  });
  afterEach(async () => {
    await today.close();
    await later.close();
  });

  const rowsIn = (partition: string) =>
    inspect(
      (db) =>
        db
          .prepare("SELECT id FROM documents WHERE container = 'outbox' AND partition_key = ? ORDER BY id")
          .all(partition) as Array<{ id: string }>,
    ).map((row) => row.id);

  it('hides an expired document from reads and queries, and deletes it at the next start', async () => {
    await today.create('outbox', { id: 'short', personId: 'p1', ttl: 3600 });
    await today.create('outbox', { id: 'long', personId: 'p1', ttl: 3 * 3600 });
    await today.create('outbox', { id: 'for-ever', personId: 'p1', ttl: -1 });
    await today.create('outbox', { id: 'plain', personId: 'p1' });

    expect(idsOf(await today.query('outbox', { partitionKey: 'p1' }))).toEqual([
      'for-ever',
      'long',
      'plain',
      'short',
    ]);
    expect(await later.read('outbox', 'short', 'p1')).toBeUndefined();
    const together = await later.readMany('outbox', 'p1', ['short', 'long', 'plain']);
    expect(together.map((f) => f.doc.id)).toEqual(['long', 'plain']);
    expect(idsOf(await later.query('outbox', { partitionKey: 'p1' }))).toEqual(['for-ever', 'long', 'plain']);
    expect(idsOf(await later.query('outbox'))).toEqual(['for-ever', 'long', 'plain']);
    expect(rowsIn('p1')).toEqual(['for-ever', 'long', 'plain', 'short']);

    await later.init();
    expect(rowsIn('p1')).toEqual(['for-ever', 'long', 'plain']);
  });

  it('treats an expired document as absent when writing, and counts from the last write', async () => {
    const created = await today.create('outbox', { id: 'message', personId: 'p2', ttl: 3600 });
    await expect(
      later.replace('outbox', { id: 'message', personId: 'p2', ttl: 3600 }),
    ).rejects.toBeInstanceOf(DocumentNotFoundError);
    // Quoting the version it had when it was live does not bring it back.
    await expect(
      later.replace('outbox', { id: 'message', personId: 'p2', ttl: 3600 }, { ifMatch: created.etag }),
    ).rejects.toBeInstanceOf(DocumentNotFoundError);
    expect(await later.delete('outbox', 'message', 'p2')).toBe(false);
    expect(rowsIn('p2')).toEqual([]);

    await today.create('outbox', { id: 'again', personId: 'p2', ttl: 3600 });
    await expect(
      later.create('outbox', { id: 'again', personId: 'p2', ttl: 3600, second: true }),
    ).resolves.toMatchObject({ doc: { second: true } });
    // Written again "now": the later clock is only two hours on, within a three-hour life.
    await today.upsert('outbox', { id: 'renewed', personId: 'p2', ttl: 3 * 3600 });
    expect(await later.read('outbox', 'renewed', 'p2')).toBeDefined();
    // A write without a ttl keeps the document for ever.
    await today.upsert('outbox', { id: 'kept', personId: 'p2', ttl: 60 });
    await today.upsert('outbox', { id: 'kept', personId: 'p2' });
    expect(await later.read('outbox', 'kept', 'p2')).toBeDefined();
  });

  it('deletes expired documents while it runs, every few minutes of writes', async () => {
    let clock = Date.now();
    const store = await openStore({ now: () => clock });
    await store.create('outbox', { id: 'soon', personId: 'p3', ttl: 60 });
    clock += 2 * 60_000;
    await store.upsert('outbox', { id: 'other', personId: 'p3' });
    expect(rowsIn('p3')).toEqual(['other', 'soon']);
    clock += 10 * 60_000;
    await store.upsert('outbox', { id: 'other', personId: 'p3' });
    expect(rowsIn('p3')).toEqual(['other']);
    await store.close();
  });
});

describe('embedded SQLite store: a DATA_DIR in the old one-file-per-document layout', () => {
  async function writeOldDocument(): Promise<string> {
    const folder = path.join(dataDir, 'people', 'p1');
    await fs.mkdir(folder, { recursive: true });
    const file = path.join(folder, 'p1.json');
    await fs.writeFile(file, JSON.stringify({ etag: 'e1', doc: { id: 'p1', name: 'old' } }));
    return file;
  }

  it('refuses to start empty beside it, says what to run, and changes nothing', async () => {
    await writeOldDocument();
    const store = new SqliteDocumentStore(dataDir);
    const failure = await store.init().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LegacyLayoutError);
    expect((failure as Error).message).toContain('npm run cli -- store migrate');
    expect(await fs.readdir(dataDir)).toEqual(['people']);
  });

  it('opens normally once the database exists beside the old folders', async () => {
    const migrated = await openStore({ acceptLegacyLayout: true });
    await migrated.close();
    await writeOldDocument();
    const store = await openStore();
    expect(await store.read('people', 'p1', 'p1')).toBeUndefined();
    await store.close();
  });

  it('is not fooled by empty container folders', async () => {
    await fs.mkdir(path.join(dataDir, 'people', 'p1'), { recursive: true });
    await fs.mkdir(path.join(dataDir, 'offers'), { recursive: true });
    const store = await openStore();
    await store.close();
  });
});
