import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  crossPartitionQueries,
  sequentialRoundTrips,
  traceStore,
  type StoreCall,
} from '../../support/storeTrace';

const call = (start: number, end: number): StoreCall => ({
  operation: 'read',
  container: 'people',
  crossPartition: false,
  fields: [],
  start,
  end,
});

describe('sequentialRoundTrips', () => {
  it('counts calls made side by side once and calls made one after another each', () => {
    expect(sequentialRoundTrips([])).toBe(0);
    expect(sequentialRoundTrips([call(1, 4), call(2, 5), call(3, 6)])).toBe(1);
    expect(sequentialRoundTrips([call(1, 2), call(3, 4), call(5, 6)])).toBe(3);
  });

  it('follows the longest chain through calls that overlap', () => {
    // a [1,4] and b [2,3] side by side; c waits for b only, d for a and c.
    expect(sequentialRoundTrips([call(1, 4), call(2, 3), call(3.5, 6), call(7, 8)])).toBe(3);
  });

  it('leaves out calls still in flight', () => {
    expect(sequentialRoundTrips([call(1, 2), { ...call(3, 0), end: undefined }])).toBe(1);
  });
});

describe('traceStore', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'store-trace-'));
  const store = new SqliteDocumentStore(dataDir);

  beforeAll(() => store.init());
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sees calls made side by side as one round trip, even on a store that answers at once', async () => {
    const trace = traceStore(store);
    try {
      const from = trace.mark();
      await Promise.all([store.read('people', 'a', 'a'), store.read('people', 'b', 'b')]);
      await store.upsert('people', { id: 'a', name: 'A' });
      await store.query('people', { where: [{ field: 'name', op: '=', value: 'A' }] });
      await store.query('people', { partitionKey: 'a' });
      const calls = trace.between(from, trace.mark());
      expect(calls.map((c) => c.operation)).toEqual(['read', 'read', 'upsert', 'query', 'query']);
      expect(sequentialRoundTrips(calls)).toBe(4);
      expect(crossPartitionQueries(calls)).toEqual(['people(name)']);
    } finally {
      trace.restore();
    }
    expect(Object.prototype.hasOwnProperty.call(store, 'read')).toBe(false);
  });
});
