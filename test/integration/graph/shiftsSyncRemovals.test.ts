import { runShiftsSync, type GraphSyncDeps } from '../../../src/cli/commands/graphSync';
import { ReportedFailure } from '../../../src/cli/reportFailure';
import type { Shift } from '../../../src/domain/rota';
import type { DocumentStore } from '../../../src/store/documentStore';
import { PeopleRepository } from '../../../src/store/repositories/peopleRepository';
import { RotaRepository } from '../../../src/store/repositories/rotaRepository';
import { startGraphStub, StubCredential, type GraphStub } from '../../support/graphStub';
import { STORE_SUBJECTS } from '../../support/workflowStores';
import { IDS } from './entraFixture';

const WARD = '19a7f3c2-0000-4000-8000-0000000000aa';
const THEATRES = '19a7f3c2-0000-4000-8000-0000000000dd';
const MARCH = { from: '2026-03-02', to: '2026-03-31' };

interface ShiftsItem {
  id: string;
  userId: string;
  sharedShift: { displayName: string; startDateTime: string; endDateTime: string };
}
const item = (userId: string, displayName: string, start: string, end: string): ShiftsItem => ({
  id: `S-${userId}-${start}`,
  userId,
  sharedShift: { displayName, startDateTime: start, endDateTime: end },
});
const held = (start: string, end: string, code: string, source?: Shift['source'], team?: string): Shift => ({
  start,
  end,
  kind: 'duty',
  code,
  ...(source ? { source } : {}),
  ...(team ? { shiftsTeam: team } : {}),
});

/**
 * Microsoft Shifts is the authority for the teams and window a sync reads: an entry read before
 * that is no longer there is removed, on both stores (the months holding a team's entries are
 * found by a query across people). Entries from files, the demo and teams not read are kept.
 */
describe.each(STORE_SUBJECTS)('rota sync --shifts removes what Shifts no longer holds: $name', (subject) => {
  let stub: GraphStub;
  let store: DocumentStore;
  let cleanup: () => Promise<void>;
  let rota: RotaRepository;
  let schedules: Map<string, ShiftsItem[]>;
  let out: string;
  let err: string;

  beforeAll(async () => {
    ({ store, cleanup } = await subject.open());
    rota = new RotaRepository(store);
    const people = new PeopleRepository(store);
    for (const [id, email, name] of [
      [IDS.nurse, 'priya.shah@trust.example.nhs.uk', 'Priya Shah'],
      [IDS.doctor, 'tom.oneill@trust.example.nhs.uk', "Tom O'Neill"],
    ] as const) {
      await people.upsert({
        id,
        email,
        name,
        jobTitle: 'Staff',
        department: 'Ward 7',
        profession: 'nursing',
        roles: ['staff'],
      });
    }
  });
  afterAll(async () => cleanup());

  beforeEach(async () => {
    for (const doc of await store.query<{ id: string; personId: string }>('rota'))
      await store.delete('rota', doc.id, doc.personId);
    schedules = new Map([
      [WARD, []],
      [THEATRES, []],
    ]);
    stub = await startGraphStub();
    for (const team of [WARD, THEATRES]) {
      const schedule = `/teams/${team}/schedule`;
      stub.route('GET', `${schedule}/shifts`, () => ({ body: { value: schedules.get(team) ?? [] } }));
      stub.route('GET', `${schedule}/timesOff`, { body: { value: [] } });
      stub.route('GET', `${schedule}/timeOffReasons`, { body: { value: [] } });
    }
    out = '';
    err = '';
  });
  afterEach(async () => stub.stop());

  const sync = (teams: string[], window: { from: string; to: string } = MARCH) => {
    const deps: GraphSyncDeps = {
      store,
      out: { write: (text: string) => (out += text) },
      err: { write: (text: string) => (err += text) },
      now: () => new Date('2026-03-01T09:00:00Z'),
      env: { GRAPH_ENABLED: 'true', GRAPH_BASE_URL: stub.baseUrl, GRAPH_SHIFTS_TEAM_IDS: teams.join(',') },
      credential: new StubCredential(),
      sleep: async () => undefined,
    };
    return runShiftsSync(deps, { shifts: true, ...window });
  };
  const codes = async (personId: string, month: string) =>
    (await rota.readMonth(personId, month))?.rota.shifts.map((s) => `${s.start.slice(5, 10)} ${s.code}`);

  it('removes a moved or deleted shift and empties the month of someone no longer listed, keeping files, the demo and other teams', async () => {
    await rota.writeMonth({
      personId: IDS.nurse,
      month: '2026-03',
      shifts: [
        held('2026-03-12T08:00:00.000Z', '2026-03-12T16:00:00.000Z', 'E', 'file'),
        held('2026-03-13T08:00:00.000Z', '2026-03-13T16:00:00.000Z', 'E', 'demo'),
        held('2026-03-14T08:00:00.000Z', '2026-03-14T16:00:00.000Z', 'Theatre list', 'shifts', THEATRES),
        held('2026-03-15T08:00:00.000Z', '2026-03-15T16:00:00.000Z', 'Filed long ago'),
      ],
    });
    schedules.set(WARD, [
      item(IDS.nurse, 'Long day', '2026-03-03T07:00:00Z', '2026-03-03T19:30:00Z'),
      item(IDS.nurse, 'Night', '2026-03-28T20:00:00Z', '2026-03-29T07:30:00Z'),
      item(IDS.doctor, 'Ward round', '2026-03-04T08:00:00Z', '2026-03-04T13:00:00Z'),
    ]);
    expect((await sync([WARD])).added).toBe(3);
    out = '';

    // The long day moves to Thursday, the night is taken off, and Tom leaves the ward's schedule.
    schedules.set(WARD, [item(IDS.nurse, 'Long day', '2026-03-05T07:00:00Z', '2026-03-05T19:30:00Z')]);
    const summary = await sync([WARD]);

    expect(out).toBe(
      'Read 1 team from Microsoft Shifts for 2026-03-02 to 2026-03-31: 1 shift or time off added in 2 rota months; ' +
        '0 duplicates skipped. Removed 3 shifts and times off no longer in Shifts.\n',
    );
    expect(summary).toMatchObject({ added: 1, removed: 3, monthsWritten: 2 });
    expect(await codes(IDS.nurse, '2026-03')).toEqual([
      '03-05 Long day',
      '03-12 E',
      '03-13 E',
      '03-14 Theatre list',
      '03-15 Filed long ago',
    ]);
    expect(await rota.readMonth(IDS.doctor, '2026-03')).toBeUndefined();
    // Both rotas changed, so both people's open visits are checked again.
    expect([...summary.changedPeople].sort()).toEqual([IDS.nurse, IDS.doctor].sort());
    expect([...summary.syncedPeople].sort()).toEqual([IDS.nurse, IDS.doctor].sort());

    const again = await sync([WARD]);
    expect(again).toMatchObject({ added: 0, removed: 0, duplicates: 1, monthsWritten: 0, changedPeople: [] });
  });

  it('keeps entries outside the window read, and those of a team it could not read', async () => {
    schedules.set(WARD, [
      item(IDS.nurse, 'Long day', '2026-03-03T07:00:00Z', '2026-03-03T19:30:00Z'),
      item(IDS.nurse, 'Early', '2026-04-10T06:00:00Z', '2026-04-10T14:00:00Z'),
    ]);
    schedules.set(THEATRES, [
      item(IDS.nurse, 'Theatre list', '2026-03-06T08:00:00Z', '2026-03-06T16:00:00Z'),
    ]);
    await sync([WARD, THEATRES], { from: '2026-03-02', to: '2026-04-30' });

    schedules.set(WARD, []);
    stub.route('GET', `/teams/${THEATRES}/schedule/shifts`, {
      status: 404,
      body: { error: { code: 'NotFound', message: 'No schedule.' } },
    });
    await expect(sync([WARD, THEATRES])).rejects.toBeInstanceOf(ReportedFailure);

    expect(err).toBe(`team not found, or it has no Shifts schedule: ${THEATRES}\n`);
    // March only was read: the ward's long day goes; its April shift and the theatre list stay.
    expect(await codes(IDS.nurse, '2026-03')).toEqual(['03-06 Theatre list']);
    expect(await codes(IDS.nurse, '2026-04')).toEqual(['04-10 Early']);
  });

  it('takes over an entry filed before sources were recorded when Shifts still lists it, and removes it once Shifts no longer does', async () => {
    await rota.writeMonth({
      personId: IDS.nurse,
      month: '2026-03',
      shifts: [
        { ...held('2026-03-03T07:00:00.000Z', '2026-03-03T19:30:00.000Z', 'Long day'), kind: 'long_day' },
      ],
    });
    schedules.set(WARD, [item(IDS.nurse, 'Long day', '2026-03-03T07:00:00Z', '2026-03-03T19:30:00Z')]);

    const first = await sync([WARD]);
    expect(first).toMatchObject({ added: 0, duplicates: 1, monthsWritten: 0 });
    expect((await rota.readMonth(IDS.nurse, '2026-03'))?.rota.shifts[0]).toMatchObject({
      source: 'shifts',
      shiftsTeam: WARD,
    });

    schedules.set(WARD, []);
    expect(await sync([WARD])).toMatchObject({ removed: 1 });
    expect(await rota.readMonth(IDS.nurse, '2026-03')).toBeUndefined();
  });
});
