import { parse } from 'csv-parse/sync';
import { logExchange } from '../../../src/app/outcomes/logExchange';
import { createServices } from '../../../src/app/services';
import { buildExchangeRecord, type ExchangeRecord } from '../../../src/domain/outcomes/exchangeRecord';
import type { RequestWithOutcomes } from '../../../src/domain/outcomes/outcomeTypes';
import type { Person } from '../../../src/domain/people';
import type { RequestState, ShadowingRequest } from '../../../src/domain/requests';
import type { Doc, DocumentStore } from '../../../src/store/documentStore';
import { directoryPeople } from '../../support/digestFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';
import { runAgainst } from '../cli/cliHarness';

const LOGGED_AT = new Date('2026-02-27T12:00:00Z');

function visit(
  id: string,
  visitorId: string,
  state: RequestState,
  day: string,
  cover: Partial<ShadowingRequest> = {},
): RequestWithOutcomes {
  const start = `${day}T09:00:00.000Z`;
  const history: ShadowingRequest['history'] = [
    { from: 'draft', to: 'awaiting_manager', by: visitorId, at: '2026-01-20T09:00:00.000Z' },
  ];
  if (state === 'declined_by_manager')
    history.push({ from: 'awaiting_manager', to: state, by: 'megan', at: `${day}T08:00:00.000Z` });
  return {
    id,
    visitorId,
    managerId: 'megan',
    hostId: 'adele',
    state,
    purpose: 'To learn',
    objectives: ['See a board round'],
    start,
    end: `${day}T13:00:00.000Z`,
    history,
    createdAt: '2026-01-20T09:00:00.000Z',
    updatedAt: `${day}T14:00:00.000Z`,
    ...cover,
  };
}

const SHIFT = { timeBasis: 'work_time', releaseHours: 4, coverHours: 4 } as const;
const REQUESTS: RequestWithOutcomes[] = [
  visit('ex-coordinator', 'alex', 'completed', '2026-02-10', {
    ...SHIFT,
    cover: 'arranged',
    coverMethod: 'rota_coordinator',
    coverCostEstimateGbp: 122.04,
  }),
  visit('ex-team', 'lynne', 'no_show', '2026-02-11', {
    ...SHIFT,
    cover: 'arranged',
    coverMethod: 'within_team',
    coverCostEstimateGbp: 0,
  }),
  visit('ex-failed', 'carl', 'completed', '2026-02-12', {
    ...SHIFT,
    cover: 'failed',
    coverMethod: 'bank_or_locum',
    coverCostEstimateGbp: 98.32,
    releasedWithoutCover: true,
  }),
  visit('ex-own', 'bob', 'completed', '2026-02-13', {
    timeBasis: 'own_time',
    releaseHours: 0,
    coverHours: 0,
    cover: 'not_needed',
    coverMethod: 'not_needed',
  }),
  // Stored before release and cover were kept.
  visit('ex-before', 'dana', 'completed', '2026-02-16'),
  visit('declined-1', 'alex', 'declined_by_manager', '2026-02-17', { ...SHIFT, declineCategory: 'no_cover' }),
  visit('declined-2', 'bob', 'declined_by_manager', '2026-02-18', { declineCategory: 'not_relevant' }),
];

/** An exchange record as the log wrote it before release was kept: a rota flag and a costs figure. */
function recordFromBefore(): ExchangeRecord {
  const request = visit('ex-old-record', 'dana', 'completed', '2026-02-19');
  const built = buildExchangeRecord({ request, remindersNeeded: 0, now: LOGGED_AT }) as ExchangeRecord;
  const { release: _release, ...rest } = built;
  return {
    ...rest,
    cover: { visitorRostered: true, notesGiven: false },
    costs: { stated: true, amountGbp: 12.5 },
  };
}

async function seed(store: DocumentStore): Promise<void> {
  for (const person of directoryPeople()) await store.upsert('people', person as Person & Doc);
  const services = createServices(store, () => LOGGED_AT);
  for (const request of REQUESTS) {
    await store.upsert('requests', request as RequestWithOutcomes & Doc);
    await logExchange(services, request, LOGGED_AT);
  }
  await store.upsert('exchanges', recordFromBefore() as ExchangeRecord & Doc);
}

const COVER_COLUMNS = [
  'time_basis',
  'release_hours',
  'cover_hours',
  'cover_method',
  'cover_status',
  'cover_cost_estimate_gbp',
];

/** Release, cover and the exchange log, written and read back through the CLI on both stores. */
describe.each(STORE_SUBJECTS)('release and cover, exported and reported: $name', (subject) => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await subject.open();
    store = opened.store;
    cleanup = opened.cleanup;
    await seed(store);
  });
  afterAll(async () => cleanup());

  it('exports each visit with its release and cover; older ones read as own time, no cover', async () => {
    const run = await runAgainst(store, 'export', 'exchanges', '--from', '2026-02-01', '--to', '2026-02-28');
    expect(run.code).toBe(0);
    const [header = [], ...rows] = parse(run.out) as string[][];
    const cells = (row: string[]) => COVER_COLUMNS.map((name) => row[header.indexOf(name)]);
    const byId = new Map(rows.map((row) => [row[0], cells(row)]));
    expect(Object.fromEntries(byId)).toEqual({
      'ex-coordinator': ['work_time', '4', '4', 'rota_coordinator', 'arranged', '122.04'],
      'ex-team': ['work_time', '4', '4', 'within_team', 'arranged', '0'],
      'ex-failed': ['work_time', '4', '4', 'bank_or_locum', 'failed', '0'],
      'ex-own': ['own_time', '0', '0', 'not_needed', 'not_needed', ''],
      'ex-before': ['own_time', '0', '0', '', 'not_needed', ''],
      'ex-old-record': ['own_time', '0', '0', '', 'not_needed', ''],
    });
    expect(header).not.toContain('visitor_rostered');
    expect(header).not.toContain('cost_gbp');
  });

  it('reports hours released, cover and its estimated cost by department and staff group, and declines by reason', async () => {
    const run = await runAgainst(store, 'report', 'from', '1', 'Feb', '2026', 'to', '28', 'Feb', '2026');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Visits in work time\s+3 \(held or booked\)/);
    expect(run.out).toMatch(/Released from rotas\s+12 hours/);
    expect(run.out).toMatch(/Cover needed\s+12 hours/);
    expect(run.out).toMatch(/Estimated cover cost\s+£122 \(an estimate at bank rates, not what was paid\)/);
    expect(run.out).toContain(
      '- Acute Medicine: 1 visit, 4 hours released, 4 hours of cover, estimated £122',
    );
    expect(run.out).toContain('- Physiotherapy: 1 visit, 4 hours released, 4 hours of cover, no paid cover');
    expect(run.out).toContain('- Radiology: 1 visit, 4 hours released, 4 hours of cover, no paid cover');
    expect(run.out).toContain('- Doctors (medical): 1 visit');
    expect(run.out).not.toContain('- Pharmacy:');
    expect(run.out).toContain(
      'Declined by managers, by reason:\n  - No cover available: 1\n  - Not relevant to the role: 1\n',
    );
  });

  it('exports manager declines with their reason category and the release they would have needed', async () => {
    const run = await runAgainst(store, 'export', 'declines', '--from', '2026-02-17', '--to', '2026-02-28');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const [header = [], ...rows] = parse(run.out) as string[][];
    const pick = (row: string[], names: string[]) => names.map((name) => row[header.indexOf(name)]);
    const columns = [
      'request_id',
      'declined_on',
      'time_basis',
      'release_hours',
      'cover_hours',
      'decline_category',
    ];
    expect(rows.map((row) => pick(row, columns))).toEqual([
      ['declined-1', '2026-02-17', 'work_time', '4', '4', 'no_cover'],
      ['declined-2', '2026-02-18', 'own_time', '0', '0', 'not_relevant'],
    ]);
    expect(header).not.toContain('reason');
    expect(header.some((name) => /_id$/.test(name) && name !== 'request_id')).toBe(false);

    const one = await runAgainst(
      store,
      'export',
      'declines',
      '--from',
      '2026-02-18',
      '--to',
      '2026-02-18',
      '--format',
      'json',
    );
    expect(
      one.out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).request_id),
    ).toEqual(['declined-2']);
  });

  it('refuses dates it cannot read, saying why', async () => {
    const run = await runAgainst(store, 'report', 'from', 'sometime', 'to', 'whenever');
    expect(run.code).toBe(2);
    expect(run.err).toContain('I could not read the dates');
    expect(run.out).toBe('');
  });
});
