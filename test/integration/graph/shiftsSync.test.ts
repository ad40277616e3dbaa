import { runShiftsSync, type GraphSyncDeps } from '../../../src/cli/commands/graphSync';
import { personIdForEmail } from '../../../src/cli/import/personIdForEmail';
import { ReportedFailure } from '../../../src/cli/reportFailure';
import { GraphAccessDeniedError } from '../../../src/graph/graphErrors';
import { PeopleRepository } from '../../../src/store/repositories/peopleRepository';
import { RotaRepository } from '../../../src/store/repositories/rotaRepository';
import { openTestStore, runAgainst, type TestStore } from '../cli/cliHarness';
import { startGraphStub, StubCredential, type GraphStub } from '../../support/graphStub';
import { IDS, serveEntra } from './entraFixture';

const WARD = '19a7f3c2-0000-4000-8000-0000000000aa';
const THERAPIES = '19a7f3c2-0000-4000-8000-0000000000bb';
const GONE = '19a7f3c2-0000-4000-8000-0000000000cc';
/** Imported from a staff file before Graph was switched on: matched by email. */
const TOM_FROM_FILE = personIdForEmail('tom.oneill@trust.example.nhs.uk');

const shift = (userId: string, displayName: string, start: string, end: string) => ({
  id: `S-${start}`,
  userId,
  sharedShift: { displayName, startDateTime: start, endDateTime: end },
  draftShift: null,
});

describe('rota sync --shifts', () => {
  let stub: GraphStub;
  let store: TestStore;
  let rota: RotaRepository;
  let out: string;
  let err: string;

  beforeEach(async () => {
    stub = await startGraphStub();
    serveEntra(stub);
    serveSchedules(stub);
    store = await openTestStore();
    rota = new RotaRepository(store);
    const people = new PeopleRepository(store);
    await people.upsert({
      id: IDS.nurse,
      email: 'priya.shah@trust.example.nhs.uk',
      name: 'Priya Shah',
      jobTitle: 'Staff Nurse',
      department: 'Ward 7',
      profession: 'nursing',
      roles: ['staff'],
    });
    await people.upsert({
      id: TOM_FROM_FILE,
      email: 'tom.oneill@trust.example.nhs.uk',
      name: "Tom O'Neill",
      jobTitle: 'FY1 Doctor',
      department: 'Respiratory',
      profession: 'medical',
      roles: ['staff'],
    });
    out = '';
    err = '';
  });
  afterEach(async () => {
    await stub.stop();
    await store.dispose();
  });

  const deps = (teams: string[] = [WARD, THERAPIES]): GraphSyncDeps => ({
    store,
    out: { write: (text: string) => (out += text) },
    err: { write: (text: string) => (err += text) },
    now: () => new Date('2026-03-02T09:00:00Z'),
    env: { GRAPH_ENABLED: 'true', GRAPH_BASE_URL: stub.baseUrl, GRAPH_SHIFTS_TEAM_IDS: teams.join(',') },
    credential: new StubCredential(),
    sleep: async () => undefined,
  });

  it("files every team's shifts and time off into the rota, matching people by object id or email", async () => {
    const summary = await runShiftsSync(deps(), { shifts: true, from: '2026-03-02', to: '2026-03-31' });

    expect(summary).toEqual({
      added: 4,
      duplicates: 0,
      removed: 0,
      monthsWritten: 2,
      teamsRead: 2,
      teamsNotFound: [],
      entriesLeftOut: 1,
      peopleLeftOut: 1,
      changedPeople: expect.any(Array),
      syncedPeople: expect.any(Array),
    });
    // Their open visits are checked again; the physio, not in the directory, is nobody's.
    expect([...summary.changedPeople].sort()).toEqual([IDS.nurse, TOM_FROM_FILE].sort());
    expect([...summary.syncedPeople].sort()).toEqual([IDS.nurse, TOM_FROM_FILE].sort());
    expect(out).toBe(
      'Read 2 teams from Microsoft Shifts for 2026-03-02 to 2026-03-31: 4 shifts and times off added in 2 rota months; 0 duplicates skipped. ' +
        'Left out 1 entry for 1 person not in the directory.\n',
    );
    const fromWard = { source: 'shifts', shiftsTeam: WARD };
    expect((await rota.readMonth(IDS.nurse, '2026-03'))?.rota.shifts).toEqual([
      {
        start: '2026-03-03T07:00:00.000Z',
        end: '2026-03-03T19:30:00.000Z',
        kind: 'long_day',
        code: 'Long day',
        ...fromWard,
      },
      {
        start: '2026-03-28T20:00:00.000Z',
        end: '2026-03-29T07:30:00.000Z',
        kind: 'night',
        code: 'Night',
        ...fromWard,
      },
      {
        start: '2026-03-30T23:00:00.000Z',
        end: '2026-03-31T23:00:00.000Z',
        kind: 'study_leave',
        code: 'Study leave',
        ...fromWard,
      },
    ]);
    expect((await rota.readMonth(TOM_FROM_FILE, '2026-03'))?.rota.shifts.map((s) => s.code)).toEqual([
      'Ward round',
    ]);
    expect(await rota.readMonth(IDS.physio, '2026-03')).toBeUndefined();
  });

  it('stores time off for sickness as an absence, without its reason', async () => {
    stub.queue('GET', `/teams/${WARD}/schedule/timeOffReasons`, {
      body: { value: [{ id: 'R1', displayName: 'Sickness (stress)' }] },
    });

    await runShiftsSync(deps([WARD]), { shifts: true, from: '2026-03-02', to: '2026-03-31' });

    expect((await rota.readMonth(IDS.nurse, '2026-03'))?.rota.shifts).toContainEqual({
      start: '2026-03-30T23:00:00.000Z',
      end: '2026-03-31T23:00:00.000Z',
      kind: 'absence',
      code: 'Time off',
      source: 'shifts',
      shiftsTeam: WARD,
    });
    const stored = JSON.stringify(await store.query('rota', {}));
    expect(stored).not.toMatch(/sick|stress/i);
    expect(out).not.toMatch(/sick|stress/i);
  });

  it('asks Graph for the UK days given, both included, without acting as anyone', async () => {
    await runShiftsSync(deps([WARD]), { shifts: true, from: '2026-03-02', to: '2026-03-31' });

    const asked = stub.requestsTo('GET', `/teams/${WARD}/schedule/shifts`);
    // 1 April starts at 23:00 UTC on 31 March: British Summer Time has begun.
    expect(asked[0]?.query.get('$filter')).toBe(
      'sharedShift/startDateTime ge 2026-03-02T00:00:00.000Z and sharedShift/endDateTime le 2026-03-31T23:00:00.000Z',
    );
    expect(asked).toHaveLength(2);
    expect(stub.requests.every((r) => r.headers['ms-app-acts-as'] === undefined)).toBe(true);
  });

  it('reads today and the next eight weeks by default', async () => {
    await runShiftsSync(deps([WARD]), { shifts: true });

    expect(stub.requestsTo('GET', `/teams/${WARD}/schedule/timesOff`)[0]?.query.get('$filter')).toBe(
      'sharedTimeOff/startDateTime ge 2026-03-02T00:00:00.000Z and sharedTimeOff/endDateTime le 2026-04-26T23:00:00.000Z',
    );
  });

  it('adds nothing the second time', async () => {
    await runShiftsSync(deps(), { shifts: true, from: '2026-03-02', to: '2026-03-31' });
    const again = await runShiftsSync(deps(), { shifts: true, from: '2026-03-02', to: '2026-03-31' });

    expect(again).toMatchObject({ added: 0, duplicates: 4, monthsWritten: 0 });
  });

  it('files the teams it found and reports the one it did not', async () => {
    const run = runShiftsSync(deps([GONE, WARD]), { shifts: true, from: '2026-03-02', to: '2026-03-31' });

    await expect(run).rejects.toBeInstanceOf(ReportedFailure);
    expect(err).toBe(`team not found, or it has no Shifts schedule: ${GONE}\n`);
    expect((await rota.readMonth(IDS.nurse, '2026-03'))?.rota.shifts).toHaveLength(3);
  });

  it('names the permission when Shifts refuses, and writes nothing', async () => {
    stub.route('GET', `/teams/${THERAPIES}/schedule/shifts`, {
      status: 403,
      body: { error: { code: 'Forbidden' } },
    });

    const error = await runShiftsSync(deps(), { shifts: true, from: '2026-03-02', to: '2026-03-31' }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(GraphAccessDeniedError);
    expect((error as Error).message).toContain('Schedule.Read.All');
    expect(await rota.readMonth(IDS.nurse, '2026-03')).toBeUndefined();
  });
});

describe('rota sync on the command line', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => store.dispose());

  it.each([
    [['rota', 'sync'], 'say where from with --shifts'],
    [['rota', 'sync', '--shifts', '--from', '2026-02-30'], '--from: "2026-02-30" is not a date'],
    [
      ['rota', 'sync', '--shifts', '--from', '2026-03-10', '--to', '2026-03-09'],
      '--to: 2026-03-09 is before --from 2026-03-10',
    ],
    [['rota', 'sync', '--shifts', '--from', '2026-03-01', '--to', '2027-03-02'], 'at most 366 days'],
    [['rota', 'sync', '--shifts'], 'GRAPH_ENABLED: Microsoft Graph is switched off'],
  ])('refuses %j with exit code 2', async (args, message) => {
    const run = await runAgainst(store, ...args);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
  });
});

/** The ward's schedule over two pages with time off; the therapies team's one shift for someone not in the directory. */
function serveSchedules(stub: GraphStub): void {
  const ward = `/teams/${WARD}/schedule`;
  stub.route('GET', `${ward}/shifts`, (request) =>
    request.query.get('page') === '2'
      ? {
          body: {
            value: [
              shift(IDS.nurse, 'Night', '2026-03-28T20:00:00Z', '2026-03-29T07:30:00Z'),
              shift(IDS.doctor, 'Ward round', '2026-03-04T08:00:00Z', '2026-03-04T13:00:00Z'),
            ],
          },
        }
      : {
          body: {
            value: [shift(IDS.nurse, 'Long day', '2026-03-03T07:00:00Z', '2026-03-03T19:30:00Z')],
            '@odata.nextLink': `${stub.baseUrl}${ward}/shifts?page=2`,
          },
        },
  );
  stub.route('GET', `${ward}/timesOff`, {
    body: {
      value: [
        {
          id: 'T1',
          userId: IDS.nurse,
          sharedTimeOff: {
            timeOffReasonId: 'R1',
            startDateTime: '2026-03-30T23:00:00Z',
            endDateTime: '2026-03-31T23:00:00Z',
          },
        },
      ],
    },
  });
  stub.route('GET', `${ward}/timeOffReasons`, { body: { value: [{ id: 'R1', displayName: 'Study day' }] } });
  const therapies = `/teams/${THERAPIES}/schedule`;
  stub.route('GET', `${therapies}/shifts`, {
    body: { value: [shift(IDS.physio, 'Clinic', '2026-03-05T08:00:00Z', '2026-03-05T16:00:00Z')] },
  });
  stub.route('GET', `${therapies}/timesOff`, { body: { value: [] } });
  stub.route('GET', `${therapies}/timeOffReasons`, { body: { value: [] } });
}
