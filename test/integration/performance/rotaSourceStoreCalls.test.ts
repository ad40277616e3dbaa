import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runShiftsSync } from '../../../src/cli/commands/graphSync';
import { runRotaImport } from '../../../src/cli/commands/rotaImport';
import { PeopleRepository } from '../../../src/store/repositories/peopleRepository';
import { startGraphStub, StubCredential, type GraphStub } from '../../support/graphStub';
import { traceStore, type StoreCall } from '../../support/storeTrace';
import { openTestStore, type TestStore } from '../cli/cliHarness';

const PEOPLE = 20;
const WARD = '19a7f3c2-0000-4000-8000-0000000000aa';
/** Weekdays from Mon 15 March 2027 for four weeks: each person's shifts fall in two London months. */
const DAYS = Array.from({ length: 28 }, (_, day) => day).filter((day) => day % 7 < 5);

const idOf = (p: number) => `0a000000-0000-4000-8000-${String(p).padStart(12, '0')}`;
const dateOf = (day: number) => new Date(Date.UTC(2027, 2, 15 + day)).toISOString().slice(0, 10);
/** One person in ten has their third shift moved to the Saturday. */
const dayOf = (p: number, day: number, moved: boolean) => (moved && p % 10 === 0 && day === 2 ? 5 : day);

/** Rota calls by operation, a query across people marked as such. */
function rotaCalls(calls: readonly StoreCall[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls.filter((c) => c.container === 'rota')) {
    const name = `${call.operation}${call.crossPartition ? ' across people' : ''}`;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/**
 * What a rota source costs the store, counted (the same on a busy machine as a quiet one): each
 * touched month read once, only changed months written, replacing adds no reads when the days it
 * covers fall in the months it lists, and a Shifts sync makes one query across people per team.
 */
describe('store calls of rota imports and Shifts syncs', () => {
  let store: TestStore;
  let dir: string;

  beforeEach(async () => {
    store = await openTestStore();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rota-calls-'));
    const people = new PeopleRepository(store);
    for (let p = 0; p < PEOPLE; p += 1)
      await people.upsert({
        id: idOf(p),
        email: `staff${p}@trust.nhs.uk`,
        name: `Staff ${p}`,
        jobTitle: 'Staff Nurse',
        department: 'Ward 7',
        profession: 'nursing',
        roles: ['staff'],
      });
  });
  afterEach(async () => {
    await store.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function importRoster(moved: boolean, replace: boolean): Promise<Record<string, number>> {
    const rows = ['staff_email,date,start,end,code'];
    for (let p = 0; p < PEOPLE; p += 1)
      for (const day of DAYS)
        rows.push(`staff${p}@trust.nhs.uk,${dateOf(dayOf(p, day, moved))},08:00,16:00,E`);
    const file = path.join(dir, `${moved ? 'moved' : 'roster'}.csv`);
    await fs.writeFile(file, `${rows.join('\n')}\n`);
    const trace = traceStore(store);
    await runRotaImport(
      { store, out: { write: () => undefined }, err: { write: () => undefined } },
      { file, skipInvalid: false, replace },
    );
    trace.restore();
    return rotaCalls(trace.calls);
  }

  it('a rota import reads each month it touches once and writes only those that change, with --replace as without', async () => {
    const months = PEOPLE * 2;
    expect(await importRoster(false, false)).toEqual({ read: months, create: months });
    expect(await importRoster(false, true)).toEqual({ read: months });
    // Two people moved a shift within March: their March months are the only ones written.
    expect(await importRoster(true, true)).toEqual({ read: months, replace: 2 });
  });

  describe('a Shifts sync', () => {
    let stub: GraphStub;
    let moved = false;
    beforeEach(async () => {
      moved = false;
      stub = await startGraphStub();
      const items = () =>
        Array.from({ length: PEOPLE }, (_, p) =>
          DAYS.map((day) => {
            const date = dateOf(dayOf(p, day, moved));
            return {
              id: `S-${p}-${day}`,
              userId: idOf(p),
              sharedShift: {
                displayName: 'Early',
                startDateTime: `${date}T08:00:00Z`,
                endDateTime: `${date}T16:00:00Z`,
              },
            };
          }),
        ).flat();
      stub.route('GET', `/teams/${WARD}/schedule/shifts`, () => ({ body: { value: items() } }));
      stub.route('GET', `/teams/${WARD}/schedule/timesOff`, { body: { value: [] } });
      stub.route('GET', `/teams/${WARD}/schedule/timeOffReasons`, { body: { value: [] } });
    });
    afterEach(async () => stub.stop());

    async function sync(): Promise<Record<string, number>> {
      const trace = traceStore(store);
      await runShiftsSync(
        {
          store,
          out: { write: () => undefined },
          err: { write: () => undefined },
          now: () => new Date('2027-03-14T09:00:00Z'),
          env: { GRAPH_ENABLED: 'true', GRAPH_BASE_URL: stub.baseUrl, GRAPH_SHIFTS_TEAM_IDS: WARD },
          credential: new StubCredential(),
          sleep: async () => undefined,
        },
        { shifts: true, from: '2027-03-15', to: '2027-04-11' },
      );
      trace.restore();
      return rotaCalls(trace.calls);
    }

    it('makes one query across people for the team, reads each month once and writes only those that change', async () => {
      const months = PEOPLE * 2;
      expect(await sync()).toEqual({ 'query across people': 1, read: months, create: months });
      expect(await sync()).toEqual({ 'query across people': 1, read: months });
      moved = true;
      expect(await sync()).toEqual({ 'query across people': 1, read: months, replace: 2 });
    });
  });
});
