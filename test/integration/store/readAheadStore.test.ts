import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ReadAheadStore } from '../../../src/store/readAheadStore';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';
import { traceStore, type StoreTrace } from '../../support/storeTrace';

describe('ReadAheadStore', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'read-ahead-'));
  const inner = new SqliteDocumentStore(dataDir);
  const store = new ReadAheadStore(inner);
  let trace: StoreTrace;

  beforeAll(async () => {
    await store.init();
    await store.upsert('people', { id: 'p1', name: 'Before' });
    trace = traceStore(inner);
  });
  beforeEach(() => trace.clear());
  afterAll(async () => {
    trace.restore();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const reads = () => trace.calls.filter((c) => c.operation === 'read').length;

  it('hands a document read ahead to the first read of it in the turn, and only the first', async () => {
    await store.runTurn(async () => {
      store.readAhead('people', 'p1', 'p1');
      store.readAhead('people', 'p1', 'p1');
      expect(reads()).toBe(1);
      expect((await store.read('people', 'p1', 'p1'))?.doc.name).toBe('Before');
      expect(reads()).toBe(1);
      await store.read('people', 'p1', 'p1');
      expect(reads()).toBe(2);
    });
  });

  it('reads again after a write of the same document in the turn', async () => {
    await store.runTurn(async () => {
      store.readAhead('people', 'p1', 'p1');
      await store.upsert('people', { id: 'p1', name: 'After' });
      expect((await store.read('people', 'p1', 'p1'))?.doc.name).toBe('After');
      expect(reads()).toBe(2);
    });
    await store.upsert('people', { id: 'p1', name: 'Before' });
  });

  it('keeps nothing once the turn has ended, and reads nothing ahead outside a turn', async () => {
    let late: Promise<unknown> = Promise.resolve();
    await store.runTurn(async () => {
      store.readAhead('people', 'p1', 'p1');
      // Work the turn started and left running (a delivery) reads after the turn is over.
      late = new Promise((resolve) => setImmediate(resolve)).then(() => store.read('people', 'p1', 'p1'));
    });
    await late;
    expect(reads()).toBe(2);
    store.readAhead('people', 'p1', 'p1');
    expect(reads()).toBe(2);
  });

  it('lets a failed read ahead fail only the read that takes it', async () => {
    await store.runTurn(async () => {
      store.readAhead('people', 'no/such', 'no/such');
      await expect(store.read('people', 'no/such', 'no/such')).rejects.toThrow(/id must be/);
    });
    // Not taken by anyone: nothing is thrown, and the turn goes on.
    await expect(
      store.runTurn(async () => store.readAhead('people', 'bad?id', 'p')),
    ).resolves.toBeUndefined();
  });
});
