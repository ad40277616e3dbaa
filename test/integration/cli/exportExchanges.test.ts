import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXCHANGE_COLUMNS } from '../../../src/domain/outcomes/exchangeColumns';
import type { ExchangeRecord } from '../../../src/domain/outcomes/exchangeRecord';
import { openTestStore, runAgainst, type TestStore } from './cliHarness';

function record(id: string, visitDate: string, fields: Partial<ExchangeRecord> = {}): ExchangeRecord {
  return {
    id,
    period: visitDate.slice(0, 7),
    requestId: id,
    visitorId: `visitor-${id}`,
    hostId: `host-${id}`,
    outcome: 'completed',
    visitStart: `${visitDate}T09:00:00.000Z`,
    visitEnd: `${visitDate}T13:00:00.000Z`,
    visitDate,
    visitor: { profession: 'medical', department: 'Acute Medicine' },
    host: { profession: 'nursing', department: 'Discharge and Patient Flow' },
    crossProfession: true,
    setting: 'ward',
    objectives: [
      { text: 'See a board round', rating: 'met' },
      { text: 'Learn, plan', rating: 'partly' },
    ],
    knowledge: ['technical_know_how', 'practical_wisdom'],
    hours: 4,
    doDifferently: 'Plan earlier',
    remindersNeeded: 1,
    cover: { notesGiven: false },
    visitorFeedback: true,
    hostFeedback: false,
    loggedAt: '2025-04-01T00:00:00.000Z',
    ...fields,
  };
}

/** Splits CSV text into rows of cells with the same parser the imports use. */
function parseCsv(text: string): string[][] {
  return parse(text, { relaxColumnCount: true }) as string[][];
}

describe('cli: export exchanges', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openTestStore();
    for (const doc of [
      record('a-march', '2025-03-18'),
      record('b-april', '2025-04-02', {
        doDifferently: '=HYPERLINK("http://x.example","click")',
        hostTeamGained: '@SUM(A1)',
        visitor: { profession: 'ahp', department: 'Therapies' },
      }),
      record('c-may', '2025-05-30', { objectives: [{ text: '+1 more, "quoted"\nline', rating: 'not_met' }] }),
      record('d-later', '2025-07-01'),
    ]) {
      await store.create('exchanges', doc as unknown as ExchangeRecord & Record<string, unknown>);
    }
  });
  afterAll(async () => store.dispose());

  it('writes a header of the documented columns and one row per exchange in the range', async () => {
    const run = await runAgainst(store, 'export', 'exchanges', '--from', '2025-03-18', '--to', '2025-05-31');
    expect(run.code).toBe(0);
    const [header, ...rows] = parseCsv(run.out);
    expect(header).toEqual(EXCHANGE_COLUMNS.map(([name]) => name));
    expect(rows.map((r) => r[0])).toEqual(['a-march', 'b-april', 'c-may']);
    expect(run.out).not.toMatch(/visitor-|host-a|host-b/);

    const doc = readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'exchange-log.md'), 'utf8');
    const documented = [...doc.split('## Columns')[1]!.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(EXCHANGE_COLUMNS.map(([name]) => name));
  });

  it('makes cells that start like a formula inert, and quotes commas, quotes and line breaks', async () => {
    const run = await runAgainst(store, 'export', 'exchanges', '--from', '2025-04-01', '--to', '2025-05-31');
    const [header = [], april = [], may = []] = parseCsv(run.out);
    expect(april[header.indexOf('do_differently')]).toBe('\'=HYPERLINK("http://x.example","click")');
    expect(april[header.indexOf('host_team_gained')]).toBe("'@SUM(A1)");
    expect(may[header.indexOf('objectives')]).toBe('\'+1 more, "quoted"\nline [not_met]');
    expect(april[header.indexOf('cross_profession')]).toBe('true');
  });

  it('prints JSON lines, filtered by department', async () => {
    const run = await runAgainst(
      store,
      'export',
      'exchanges',
      '--from',
      '2025-01-01',
      '--to',
      '2025-12-31',
      '--format',
      'json',
      '--department',
      'therapies',
    );
    expect(run.code).toBe(0);
    const lines = run.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      exchange_id: 'b-april',
      visitor_department: 'Therapies',
      objectives_met: 1,
    });
  });

  it.each([
    [['--from', '2025-05-01', '--to', '2025-04-01'], 'is before --from'],
    [['--from', '2019-01-01', '--to', '2025-01-02'], 'more than 5 years'],
    [['--from', 'last week', '--to', '2025-01-02'], 'is not a date'],
    [['--from', '2025-02-30', '--to', '2025-03-02'], 'is not a date'],
    [['--from', '2025-01-01', '--to', '2025-02-01', '--format', 'xlsx'], 'csv or json'],
  ])('refuses %j with exit code 2 and a reason', async (args, reason) => {
    const run = await runAgainst(store, 'export', 'exchanges', ...args);
    expect(run.code).toBe(2);
    expect(run.err).toContain(reason);
    expect(run.out).toBe('');
  });
});
