import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphClient } from '../../../src/graph/graphClient';
import { GraphAccessDeniedError } from '../../../src/graph/graphErrors';
import { GraphShifts } from '../../../src/graph/graphShifts';
import { writeShiftsToRota } from '../../../src/graph/writeShiftsToRota';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';
import { RotaRepository } from '../../../src/store/repositories/rotaRepository';
import { startGraphStub, StubCredential, type GraphStub } from '../../support/graphStub';

const TEAM = '19a7f3c2-0000-4000-8000-0000000000aa';
const OWNER = 'ab000000-0000-4000-8000-000000000001';
const ANA = 'ab000000-0000-4000-8000-000000000002';
const BEN = 'ab000000-0000-4000-8000-000000000003';
const SCHEDULE = `/teams/${TEAM}/schedule`;

const shift = (id: string, userId: string, displayName: string, start: string, end: string) => ({
  id,
  userId,
  sharedShift: { displayName, startDateTime: start, endDateTime: end, theme: 'blue' },
  draftShift: null,
});

describe('Microsoft Shifts as a rota source', () => {
  let stub: GraphStub;
  let graph: GraphClient;
  let dataDir: string;
  let store: SqliteDocumentStore;
  let rota: RotaRepository;

  beforeEach(async () => {
    stub = await startGraphStub();
    graph = new GraphClient({
      credential: new StubCredential(),
      baseUrl: stub.baseUrl,
      sleep: async () => undefined,
    });
    // Two pages of shifts, a throttled first try at time off, and two reasons.
    stub.route('GET', `${SCHEDULE}/shifts`, (request) =>
      request.query.get('page') === '2'
        ? {
            body: {
              value: [
                shift('S3', BEN, 'Day', '2026-03-10T08:00:00Z', '2026-03-10T16:00:00Z'),
                { id: 'S4', userId: BEN, sharedShift: null, draftShift: {} },
              ],
            },
          }
        : {
            body: {
              value: [
                shift('S1', ANA, 'Early', '2026-03-09T07:00:00Z', '2026-03-09T15:00:00Z'),
                shift('S2', ANA, 'Ward cover', '2026-03-28T20:00:00Z', '2026-03-29T07:30:00Z'),
              ],
              '@odata.nextLink': `${stub.baseUrl}${SCHEDULE}/shifts?page=2`,
            },
          },
    );
    stub.queue('GET', `${SCHEDULE}/timesOff`, { status: 429, headers: { 'retry-after': '1' } });
    stub.route('GET', `${SCHEDULE}/timesOff`, {
      body: {
        value: [
          {
            id: 'T1',
            userId: BEN,
            sharedTimeOff: {
              timeOffReasonId: 'R-STUDY',
              startDateTime: '2026-03-16T00:00:00Z',
              endDateTime: '2026-03-17T00:00:00Z',
            },
          },
          {
            id: 'T2',
            userId: ANA,
            sharedTimeOff: {
              timeOffReasonId: 'R-HOL',
              startDateTime: '2026-03-30T23:00:00Z',
              endDateTime: '2026-04-03T23:00:00Z',
            },
          },
        ],
      },
    });
    stub.route('GET', `${SCHEDULE}/timeOffReasons`, {
      body: {
        value: [
          { id: 'R-STUDY', displayName: 'Study day (exam)' },
          { id: 'R-HOL', displayName: 'Holiday' },
        ],
      },
    });
    dataDir = mkdtempSync(path.join(tmpdir(), 'shadowing-shifts-'));
    store = new SqliteDocumentStore(dataDir);
    await store.init();
    rota = new RotaRepository(store);
  });
  afterEach(async () => {
    await stub.stop();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const FROM_TEAM = { source: 'shifts', shiftsTeam: TEAM };
  const from = new Date('2026-03-01T00:00:00Z');
  const to = new Date('2026-04-05T00:00:00Z');

  it('reads every page of published shifts and time off in the window, as rota entries', async () => {
    const entries = await new GraphShifts(graph, { actAsUserId: OWNER }).readRota(TEAM, from, to);
    expect(entries).toEqual([
      {
        personId: ANA,
        shift: {
          start: '2026-03-09T07:00:00.000Z',
          end: '2026-03-09T15:00:00.000Z',
          kind: 'duty',
          code: 'Early',
          ...FROM_TEAM,
        },
      },
      // Across the night the clocks go forward: 20:00 GMT to 08:30 BST, a night by its times.
      {
        personId: ANA,
        shift: {
          start: '2026-03-28T20:00:00.000Z',
          end: '2026-03-29T07:30:00.000Z',
          kind: 'night',
          code: 'Ward cover',
          ...FROM_TEAM,
        },
      },
      {
        personId: BEN,
        shift: {
          start: '2026-03-10T08:00:00.000Z',
          end: '2026-03-10T16:00:00.000Z',
          kind: 'duty',
          code: 'Day',
          ...FROM_TEAM,
        },
      },
      {
        personId: BEN,
        shift: {
          start: '2026-03-16T00:00:00.000Z',
          end: '2026-03-17T00:00:00.000Z',
          kind: 'study_leave',
          code: 'Study leave',
          ...FROM_TEAM,
        },
      },
      {
        personId: ANA,
        shift: {
          start: '2026-03-30T23:00:00.000Z',
          end: '2026-04-03T23:00:00.000Z',
          kind: 'annual_leave',
          code: 'Annual leave',
          ...FROM_TEAM,
        },
      },
    ]);
  });

  it('asks Graph for the window by date, acting as the team owner', async () => {
    await new GraphShifts(graph, { actAsUserId: OWNER }).readRota(TEAM, from, to);
    const first = stub.requestsTo('GET', `${SCHEDULE}/shifts`)[0];
    expect(first?.query.get('$filter')).toBe(
      'sharedShift/startDateTime ge 2026-03-01T00:00:00.000Z and sharedShift/endDateTime le 2026-04-05T00:00:00.000Z',
    );
    expect(stub.requestsTo('GET', `${SCHEDULE}/timesOff`).at(-1)?.query.get('$filter')).toBe(
      'sharedTimeOff/startDateTime ge 2026-03-01T00:00:00.000Z and sharedTimeOff/endDateTime le 2026-04-05T00:00:00.000Z',
    );
    expect(stub.requests.every((r) => r.headers['ms-app-acts-as'] === OWNER)).toBe(true);
    expect(stub.requestsTo('GET', `${SCHEDULE}/timesOff`)).toHaveLength(2);
  });

  it('files the entries into London rota months, and a second sync adds nothing', async () => {
    const shifts = new GraphShifts(graph);
    const first = await writeShiftsToRota(rota, await shifts.readRota(TEAM, from, to));
    expect(first).toEqual({
      added: 5,
      duplicates: 0,
      removed: 0,
      monthsWritten: 2,
      changedPeople: [ANA, BEN],
    });
    // Annual leave from 23:00 UTC on 30 March is 31 March in London: a March entry.
    expect((await rota.readMonth(ANA, '2026-03'))?.rota.shifts.map((s) => s.kind)).toEqual([
      'duty',
      'night',
      'annual_leave',
    ]);
    expect((await rota.readMonth(BEN, '2026-03'))?.rota.shifts.map((s) => s.kind)).toEqual([
      'duty',
      'study_leave',
    ]);
    const second = await writeShiftsToRota(rota, await shifts.readRota(TEAM, from, to));
    expect(second).toEqual({ added: 0, duplicates: 5, removed: 0, monthsWritten: 0, changedPeople: [] });
    const busy = await rota.shiftsBetween(
      ANA,
      new Date('2026-03-28T00:00:00Z'),
      new Date('2026-03-30T00:00:00Z'),
    );
    expect(busy.map((s) => s.code)).toEqual(['Ward cover']);
  });

  it('says which permission is missing when Shifts refuses', async () => {
    stub.route('GET', `${SCHEDULE}/shifts`, { status: 403, body: { error: { code: 'Forbidden' } } });
    const error = await new GraphShifts(graph).readRota(TEAM, from, to).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphAccessDeniedError);
    expect((error as Error).message).toContain('Schedule.Read.All');
  });
});
