import type { ExchangeRecord } from '../../../src/domain/outcomes/exchangeRecord';
import type { DocumentStore, Query } from '../../../src/store/documentStore';
import {
  COMPLETED_FRESH_MS,
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
          return inner.query(container, query);
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

  it('answers again from its copy until it is COMPLETED_FRESH_MS old, then reads again', async () => {
    queries.length = 0;
    now += COMPLETED_FRESH_MS;
    expect(ids(await exchanges.listCompletedBetween('2024-03', '2026-03'))).toEqual(['in-range', 'latest']);
    expect(queries).toHaveLength(0);
    now += 1;
    await exchanges.listCompletedBetween('2024-03', '2026-03');
    expect(queries).toHaveLength(25);
  });

  it('shows a record this instance writes in its next answer', async () => {
    await exchanges.listCompletedBetween('2024-03', '2026-03');
    await exchanges.save(record('just-logged', '2026-02', 'completed'), () => false);
    expect(ids(await exchanges.listCompletedBetween('2024-03', '2026-03'))).toEqual([
      'in-range',
      'just-logged',
      'latest',
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
