import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { erasePersonData } from '../../../src/app/dataRights/erasePersonData';
import type { HostOffer } from '../../../src/domain/offers';
import {
  CATALOGUE_PARTITION,
  catalogueEntryOf,
  readCatalogue,
  repairCatalogue,
} from '../../../src/store/repositories/offerCatalogue';
import {
  CATALOGUE_FRESH_MS,
  CATALOGUE_STALE_MS,
  OffersRepository,
} from '../../../src/store/repositories/offersRepository';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';
import { crossPartitionQueries, traceStore } from '../../support/storeTrace';

const STAMP = '2026-11-22T10:00:00.000Z';

function offer(id: string, hostId: string, changes: Partial<HostOffer> = {}): HostOffer {
  return {
    id,
    hostId,
    title: `Offer ${id}`,
    description: 'Sit in on a clinic.',
    profession: 'ahp',
    department: 'Physiotherapy',
    setting: 'outpatient_clinic',
    sessions: [{ weekday: 'tue', part: 'am' }],
    capacityPerWeek: 2,
    capacityPerMonth: 6,
    openTo: [],
    prerequisites: '',
    meetingPoint: 'Reception',
    status: 'active',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...changes,
  };
}

describe('the offer catalogue', () => {
  let dataDir: string;
  let store: SqliteDocumentStore;
  let now: number;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'catalogue-'));
    store = new SqliteDocumentStore(dataDir);
    await store.init();
    now = Date.parse(STAMP);
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const ids = (offers: HostOffer[]) => offers.map((o) => o.id).sort();

  it('is read for the host search from one partition, never across partitions', async () => {
    const writer = new OffersRepository(store, () => now);
    await writer.create(offer('o1', 'host-a'));
    await writer.create(offer('o2', 'host-b'));
    const trace = traceStore(store);
    try {
      const reader = new OffersRepository(store, () => now);
      expect(ids(await reader.listActive())).toEqual(['o1', 'o2']);
      expect(crossPartitionQueries(trace.calls)).toEqual([]);
      expect(trace.calls).toHaveLength(1);
      // A second search on the same instance reads nothing.
      await reader.listActive();
      expect(trace.calls).toHaveLength(1);
    } finally {
      trace.restore();
    }
  });

  it('shows this instance its own changes at once and others after a short while', async () => {
    const here = new OffersRepository(store, () => now);
    const elsewhere = new OffersRepository(store, () => now);
    await here.create(offer('o1', 'host-a'));
    expect(ids(await here.listActive())).toEqual(['o1']);
    expect(ids(await elsewhere.listActive())).toEqual(['o1']);

    const found = await here.find('host-a', 'o1');
    await here.replace({ ...(found?.offer as HostOffer), status: 'paused' }, found?.etag as string);
    await here.create(offer('o2', 'host-a'));
    expect(ids(await here.listActive())).toEqual(['o2']);
    // The other instance's copy is still fresh: it shows what it read.
    expect(ids(await elsewhere.listActive())).toEqual(['o1']);
    // Once it is older, it is shown once more while a fresh one is read.
    now += CATALOGUE_FRESH_MS + 1;
    expect(ids(await elsewhere.listActive())).toEqual(['o1']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ids(await elsewhere.listActive())).toEqual(['o2']);
  });

  it('waits for a fresh copy when the one it has is too old to show', async () => {
    const here = new OffersRepository(store, () => now);
    const elsewhere = new OffersRepository(store, () => now);
    expect(await elsewhere.listActive()).toEqual([]);
    await here.create(offer('o1', 'host-a'));
    now += CATALOGUE_STALE_MS + 1;
    expect(ids(await elsewhere.listActive())).toEqual(['o1']);
  });

  it('keeps its own write when a read that began before it ends after it', async () => {
    const here = new OffersRepository(store, () => now);
    await here.create(offer('o1', 'host-a'));
    now += CATALOGUE_STALE_MS + 1;
    // The catalogue read is held until the write has been made.
    let letReadEnd = () => undefined as void;
    const held = new Promise<void>((resolve) => (letReadEnd = resolve));
    const query = store.query.bind(store);
    store.query = (async (...args: Parameters<typeof query>) => {
      const result = await query(...args);
      await held;
      return result;
    }) as typeof store.query;
    try {
      const slowRead = here.listActive();
      await here.create(offer('o2', 'host-a'));
      letReadEnd();
      expect(ids(await slowRead)).toEqual(['o1', 'o2']);
      expect(ids(await here.listActive())).toEqual(['o1', 'o2']);
    } finally {
      delete (store as { query?: unknown }).query;
    }
  });

  it('is put right from the offers: missing copies added, changed ones updated, orphans removed', async () => {
    await store.upsert('offers', { ...offer('o1', 'host-a') });
    await store.upsert('offers', { ...offer('o2', 'host-b') });
    await store.upsert('offers', catalogueEntryOf(offer('o2', 'host-b', { title: 'Old title' })));
    await store.upsert('offers', catalogueEntryOf(offer('gone', 'host-c')));
    expect(await repairCatalogue(store)).toEqual({ added: 1, updated: 1, removed: 1 });
    const copies = await readCatalogue(store);
    expect(ids(copies)).toEqual(['o1', 'o2']);
    expect(copies.find((o) => o.id === 'o2')?.title).toBe('Offer o2');
    expect(await repairCatalogue(store)).toEqual({ added: 0, updated: 0, removed: 0 });
  });

  it('loses an erased host’s offers with the offers themselves', async () => {
    const repository = new OffersRepository(store, () => now);
    await store.upsert('people', { id: 'host-a', name: 'Ada Host', email: 'ada.host@example.org' });
    await repository.create(offer('o1', 'host-a'));
    await repository.create(offer('o2', 'host-b', { description: 'Ada Host shows you round too.' }));
    await erasePersonData(store, 'host-a');
    const copies = await readCatalogue(store);
    expect(ids(copies)).toEqual(['o2']);
    expect(JSON.stringify(copies)).not.toContain('Ada Host');
    const offers = (await store.query('offers')).filter((d) => d.hostId !== CATALOGUE_PARTITION);
    expect(JSON.stringify(copies[0])).toBe(JSON.stringify(offers[0]));
  });
});
