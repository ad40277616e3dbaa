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

  it('reads a document once in a turn, read ahead or not, and gives each reader a copy of its own', async () => {
    await store.runTurn(async () => {
      store.readAhead('people', 'p1', 'p1');
      store.readAhead('people', 'p1', 'p1');
      expect(reads()).toBe(1);
      const first = await store.read('people', 'p1', 'p1');
      expect(first?.doc.name).toBe('Before');
      (first?.doc as unknown as { name: string }).name = 'Changed by the first reader';
      expect((await store.read('people', 'p1', 'p1'))?.doc.name).toBe('Before');
      expect(reads()).toBe(1);
    });
    await store.runTurn(async () => {
      await store.read('people', 'p1', 'p1');
      await store.read('people', 'p1', 'p1');
    });
    expect(reads()).toBe(2);
  });

  it('reads again after a failed read, and after a write of the same document that failed', async () => {
    await store.runTurn(async () => {
      await expect(store.read('people', 'no/such', 'no/such')).rejects.toThrow(/id must be/);
      await expect(store.read('people', 'no/such', 'no/such')).rejects.toThrow(/id must be/);
      expect(reads()).toBe(2);
      const found = await store.read('people', 'p1', 'p1');
      await store.upsert('people', { id: 'p1', name: 'Elsewhere' });
      await expect(
        store.replace('people', { id: 'p1', name: 'Stale' }, { ifMatch: found?.etag ?? '' }),
      ).rejects.toThrow();
      expect((await store.read('people', 'p1', 'p1'))?.doc.name).toBe('Elsewhere');
      expect(reads()).toBe(4);
    });
    await store.upsert('people', { id: 'p1', name: 'Before' });
  });

  it('shares nothing with work started outside the turn', async () => {
    await store.runTurn(async () => {
      await store.read('people', 'p1', 'p1');
      await store.outsideTurn(() => store.read('people', 'p1', 'p1'));
      await store.outsideTurn(() => store.read('people', 'p1', 'p1'));
    });
    expect(reads()).toBe(3);
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
    // Nor are the reads of work the turn left running kept for one another.
    let lingering: Promise<unknown> = Promise.resolve();
    await store.runTurn(async () => {
      lingering = new Promise((resolve) => setImmediate(resolve)).then(async () => {
        await store.read('people', 'p1', 'p1');
        await store.read('people', 'p1', 'p1');
      });
    });
    await lingering;
    expect(reads()).toBe(4);
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
  it('tells write listeners of every document written through it, in a turn or not, even when the write fails', async () => {
    const told: string[] = [];
    const listening = new ReadAheadStore(inner);
    listening.onWrite((container, id, partitionKey) => told.push(`${container} ${id} ${partitionKey}`));
    await listening.upsert('people', { id: 'p2', name: 'New' });
    await listening.runTurn(async () => {
      const found = await listening.read('people', 'p2', 'p2');
      await listening.replace('people', { id: 'p2', name: 'Renamed' }, { ifMatch: found?.etag ?? '' });
    });
    await expect(
      listening.replace('people', { id: 'p2', name: 'Stale' }, { ifMatch: 'old' }),
    ).rejects.toThrow();
    await listening.delete('people', 'p2', 'p2');
    await listening.read('people', 'p1', 'p1');
    // When each write starts and when it ends; reads tell nothing.
    expect(told).toEqual(Array<string>(8).fill('people p2 p2'));
  });

  it('keeps a query read ahead for the turn until the turn writes to its container, and only a query read ahead', async () => {
    const queries = () => trace.calls.filter((c) => c.operation === 'query').length;
    const named = { partitionKey: 'q1', where: [{ field: 'name', op: '=' as const, value: 'Q' }] };
    await store.upsert('people', { id: 'q1', name: 'Q' });
    trace.clear();
    await store.runTurn(async () => {
      // Not read ahead: each query goes to the store.
      await store.query('people', named);
      await store.query('people', named);
      expect(queries()).toBe(2);
      store.readingAhead(() => void store.query('people', named));
      const first = await store.query<{ id: string; name: string }>('people', named);
      expect(first.map((p) => p.name)).toEqual(['Q']);
      (first[0] as { name: string }).name = 'Changed by the first reader';
      expect((await store.query<{ id: string; name: string }>('people', named)).map((p) => p.name)).toEqual([
        'Q',
      ]);
      // Another query of the same container is not the one read ahead.
      await store.query('people', { partitionKey: 'q1' });
      expect(queries()).toBe(4);
      // A write to the container makes the next query go to the store, and see the write.
      await store.upsert('people', { id: 'q1', name: 'Q', role: 'written in the turn' });
      expect(await store.query('people', named)).toEqual([
        expect.objectContaining({ role: 'written in the turn' }),
      ]);
      expect(queries()).toBe(5);
    });
    // Nothing outlives the turn, and outside a turn nothing is read ahead.
    await store.runTurn(async () => store.query('people', named));
    store.readingAhead(() => void store.query('people', named));
    await store.query('people', named);
    expect(queries()).toBe(8);
  });
  describe('several documents of one partition read together', () => {
    const month = (id: string, shifts: number) => ({
      id,
      personId: 'r1',
      month: id,
      shifts: Array(shifts).fill('x'),
    });
    const calls = () => trace.calls.filter((c) => c.operation === 'read' || c.operation === 'readMany');
    beforeAll(async () => {
      await store.upsert('rota', month('m1', 1));
      await store.upsert('rota', month('m2', 2));
    });

    it('reads the ids a turn has not read in one call, keeps each, found or not, and hands out copies', async () => {
      trace.clear();
      await store.runTurn(async () => {
        const first = await store.readMany<{ id: string; shifts: string[] }>('rota', 'r1', [
          'm1',
          'm2',
          'm3',
        ]);
        expect(first.map((f) => f.doc.id)).toEqual(['m1', 'm2']);
        first[0]?.doc.shifts.push('changed by the first reader');
        // Read again, one at a time or together, and with one id more: only the new id is asked for.
        expect((await store.read('rota', 'm1', 'r1'))?.doc).toEqual(month('m1', 1));
        expect(await store.read('rota', 'm3', 'r1')).toBeUndefined();
        const again = await store.readMany('rota', 'r1', ['m0', 'm1', 'm2', 'm3']);
        expect(again.map((f) => f.doc)).toEqual([month('m1', 1), month('m2', 2)]);
        expect(again.map((f) => f.etag)).toEqual(first.map((f) => f.etag));
      });
      expect(calls().map((c) => c.operation)).toEqual(['readMany', 'readMany']);
    });

    it('takes what the turn read ahead, and reads again what the turn wrote since', async () => {
      trace.clear();
      await store.runTurn(async () => {
        store.readAhead('rota', 'm1', 'r1');
        await store.readMany('rota', 'r1', ['m1', 'm2']);
        await store.upsert('rota', month('m2', 3));
        const after = await store.readMany<{ id: string; shifts: string[] }>('rota', 'r1', ['m1', 'm2']);
        expect(after.map((f) => f.doc.shifts.length)).toEqual([1, 3]);
      });
      expect(calls().map((c) => `${c.operation}`)).toEqual(['read', 'readMany', 'readMany']);
      await store.upsert('rota', month('m2', 2));
    });

    it('keeps nothing of a failed call, and nothing outside a turn', async () => {
      await store.runTurn(async () => {
        await expect(store.readMany('rota', 'r1', ['m1', 'bad/id'])).rejects.toThrow(/id must be/);
        trace.clear();
        expect((await store.readMany('rota', 'r1', ['m1'])).map((f) => f.doc.id)).toEqual(['m1']);
        expect(calls()).toHaveLength(1);
      });
      trace.clear();
      await store.readMany('rota', 'r1', ['m1']);
      await store.readMany('rota', 'r1', ['m1']);
      expect(calls()).toHaveLength(2);
    });
  });
});
