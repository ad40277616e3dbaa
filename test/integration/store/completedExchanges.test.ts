import type { ExchangeRecord } from '../../../src/domain/outcomes/exchangeRecord';
import type { DocumentStore, Query } from '../../../src/store/documentStore';
import {
  COMPLETED_FRESH_MS,
  COMPLETED_STALE_MS,
  ExchangesRepository,
  periodsBetween,
} from '../../../src/store/repositories/exchangesRepository';
import { embeddedSubject } from '../../support/workflowStores';

function record(id: string, period: string, outcome: ExchangeRecord['outcome']): ExchangeRecord {
  return {
    id,
    period,
    requestId: id,
    outcome,
    visitStart: `${period}-04T09:00:00.000Z`,
    visitEnd: `${period}-04T13:00:00.000Z`,
    visitDate: `${period}-04`,
    visitor: { profession: 'ahp', department: 'Ward 7' },
    host: { profession: 'nursing', department: 'Radiology' },
    crossProfession: true,
    objectives: [],
    knowledge: [],
    remindersNeeded: 0,
    cover: { visitorRostered: false, notesGiven: false },
    costs: { stated: false },
    visitorFeedback: false,
    hostFeedback: false,
    loggedAt: '2026-03-02T09:00:00.000Z',
  };
}

const ids = (records: ExchangeRecord[]) => records.map((r) => r.id).sort();

/**
 * The ranking's read of completed exchanges: one month's partition at a time (never a query
 * across partitions), kept by this instance for a few minutes and forgotten when it writes one.
 */
describe('completed exchanges for ranking', () => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;
  const queries: Query[] = [];
  const inFlight: Array<Promise<unknown>> = [];
  let now = 0;
  let exchanges: ExchangesRepository;

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    const inner = opened.store;
    store = Object.create(inner, {
      query: {
        value: (container: 'exchanges', query?: Query) => {
          queries.push(query ?? {});
          const answer = inner.query(container, query);
          inFlight.push(answer);
          return answer;
        },
      },
    });
    exchanges = new ExchangesRepository(store, () => now);
    await exchanges.save(record('old', '2023-12', 'completed'), () => false);
    await exchanges.save(record('in-range', '2024-06', 'completed'), () => false);
    await exchanges.save(record('no-show', '2025-01', 'no_show'), () => false);
    await exchanges.save(record('latest', '2026-03', 'completed'), () => false);
  });
  afterAll(async () => cleanup());

  it('names every month from one to another, across years', () => {
    expect(periodsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(periodsBetween('2024-03', '2026-03')).toHaveLength(25);
  });

  it('reads the completed exchanges of the months asked for, each month on its own', async () => {
    queries.length = 0;
    expect(ids(await exchanges.listCompletedBetween('2024-03', '2026-03'))).toEqual(['in-range', 'latest']);
    expect(queries).toHaveLength(25);
    expect(queries.every((q) => typeof q.partitionKey === 'string')).toBe(true);
  });

  it('answers from its copy until it is COMPLETED_FRESH_MS old; then from the copy while reading it again', async () => {
    queries.length = 0;
    now += COMPLETED_FRESH_MS;
    expect(ids(await exchanges.listCompletedBetween('2024-03', '2026-03'))).toEqual(['in-range', 'latest']);
    expect(queries).toHaveLength(0);
    // Logged by another instance: this one's copy does not have it yet.
    await new ExchangesRepository(store, () => now).save(
      record('elsewhere', '2025-05', 'completed'),
      () => false,
    );
    queries.length = 0;
    now += 1;
    expect(ids(await exchanges.listCompletedBetween('2024-03', '2026-03'))).toEqual(['in-range', 'latest']);
    expect(queries).toHaveLength(25);
    // A second search while the fresh copy is read asks for nothing more.
    await exchanges.listCompletedBetween('2024-03', '2026-03');
    expect(queries).toHaveLength(25);
    // Once the fresh read has landed, the next search has it, and asks for nothing.
    await Promise.all(inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ids(await exchanges.listCompletedBetween('2024-03', '2026-03'))).toContain('elsewhere');
    expect(queries).toHaveLength(25);
  });

  it('waits for a fresh read once its copy is older than COMPLETED_STALE_MS', async () => {
    await exchanges.listCompletedBetween('2024-03', '2026-03');
    await new ExchangesRepository(store, () => now).save(
      record('much-later', '2025-06', 'completed'),
      () => false,
    );
    now += COMPLETED_STALE_MS + 1;
    expect(ids(await exchanges.listCompletedBetween('2024-03', '2026-03'))).toContain('much-later');
  });

  it('does not keep a copy read in the background while it was writing a record', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const inner = Object.getPrototypeOf(store) as DocumentStore;
    const slow = new ExchangesRepository(
      Object.create(inner, {
        query: {
          value: async (container: 'exchanges', query?: Query) => {
            // Answered by the store now, handed back only once released: a read that began before the write.
            const answer = await inner.query(container, query);
            if (holding) await held;
            return answer;
          },
        },
      }) as DocumentStore,
      () => now,
    );
    await slow.listCompletedBetween('2024-03', '2026-03');
    now += COMPLETED_FRESH_MS + 1;
    holding = true;
    const stale = await slow.listCompletedBetween('2024-03', '2026-03');
    await slow.save(record('while-refreshing', '2025-07', 'completed'), () => false);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(ids(await slow.listCompletedBetween('2024-03', '2026-03'))).toContain('while-refreshing');
    expect(ids(stale)).not.toContain('while-refreshing');
  });

  it('shows a record this instance writes in its next answer', async () => {
    await exchanges.listCompletedBetween('2024-03', '2026-03');
    await exchanges.save(record('just-logged', '2026-02', 'completed'), () => false);
    expect(ids(await exchanges.listCompletedBetween('2024-03', '2026-03'))).toEqual([
      'elsewhere',
      'in-range',
      'just-logged',
      'latest',
      'much-later',
      'while-refreshing',
    ]);
  });

  it('does not keep an answer read while it was writing a record', async () => {
    now += COMPLETED_FRESH_MS + 1;
    const reading = exchanges.listCompletedBetween('2024-03', '2026-03');
    await exchanges.save(record('during-read', '2026-01', 'completed'), () => false);
    await reading;
    expect(ids(await exchanges.listCompletedBetween('2024-03', '2026-03'))).toContain('during-read');
  });
});
