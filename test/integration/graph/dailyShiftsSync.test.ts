import { GraphClient } from '../../../src/graph/graphClient';
import {
  runDailyShiftsSync,
  SHIFTS_SYNC_MAX_TRIES,
  type DailyShiftsSyncDeps,
} from '../../../src/graph/dailyShiftsSync';
import { createLogger } from '../../../src/logging/logger';
import { PeopleRepository } from '../../../src/store/repositories/peopleRepository';
import { RotaRepository } from '../../../src/store/repositories/rotaRepository';
import { OutboxRepository } from '../../../src/store/repositories/outboxRepository';
import { RequestsRepository } from '../../../src/store/repositories/requestsRepository';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { openTestStore, type TestStore } from '../cli/cliHarness';
import { startGraphStub, StubCredential, type GraphStub } from '../../support/graphStub';
import { IDS, serveEntra } from './entraFixture';

const WARD = '19a7f3c2-0000-4000-8000-0000000000aa';
const SHIFTS = `/teams/${WARD}/schedule/shifts`;
/** 05:00 in London on a summer day is 04:00 UTC. */
const londonMorning = (time: string) => new Date(`2026-06-15T${time}:00+01:00`);

describe('the daily Shifts sync', () => {
  let stub: GraphStub;
  let store: TestStore;
  let graph: GraphClient;

  beforeEach(async () => {
    stub = await startGraphStub();
    serveEntra(stub);
    stub.route('GET', SHIFTS, {
      body: {
        value: [
          {
            id: 'S1',
            userId: IDS.nurse,
            sharedShift: {
              displayName: 'Early',
              startDateTime: '2026-06-16T06:00:00Z',
              endDateTime: '2026-06-16T14:00:00Z',
            },
          },
        ],
      },
    });
    stub.route('GET', `/teams/${WARD}/schedule/timesOff`, { body: { value: [] } });
    stub.route('GET', `/teams/${WARD}/schedule/timeOffReasons`, { body: { value: [] } });
    store = await openTestStore();
    await new PeopleRepository(store).upsert({
      id: IDS.nurse,
      email: 'priya.shah@trust.example.nhs.uk',
      name: 'Priya Shah',
      jobTitle: 'Staff Nurse',
      department: 'Ward 7',
      profession: 'nursing',
      roles: ['staff'],
    });
    graph = new GraphClient({
      credential: new StubCredential(),
      baseUrl: stub.baseUrl,
      maxAttempts: 1,
      sleep: async () => undefined,
    });
  });
  afterEach(async () => {
    await stub.stop();
    await store.dispose();
  });

  /** The requests whose cards the running service is asked to draw again (see askForCardRedraws). */
  const redrawsAsked = async () =>
    (await store.query<{ id: string; requestId: string }>('jobs', { partitionKey: 'card_redraw' })).map(
      (d) => d.requestId,
    );

  const deps = (holder: string): DailyShiftsSyncDeps => ({
    store,
    graph,
    settings: { shiftsTeamIds: [WARD], professionField: 'employeeType' },
    logger: createLogger('silent'),
    holder,
  });

  it('waits for 05:00 London time, then files the next eight weeks into the rota once that day', async () => {
    expect(await runDailyShiftsSync(deps('a'), londonMorning('04:59'))).toBe('not due');
    expect(stub.requestsTo('GET', SHIFTS)).toHaveLength(0);

    expect(await runDailyShiftsSync(deps('a'), londonMorning('05:00'))).toBe('done');
    expect(stub.requestsTo('GET', SHIFTS)[0]?.query.get('$filter')).toBe(
      'sharedShift/startDateTime ge 2026-06-14T23:00:00.000Z and sharedShift/endDateTime le 2026-08-09T23:00:00.000Z',
    );
    expect(
      (await new RotaRepository(store).readMonth(IDS.nurse, '2026-06'))?.rota.shifts.map((s) => s.code),
    ).toEqual(['Early']);

    expect(await runDailyShiftsSync(deps('a'), londonMorning('05:10'))).toBe('not this instance');
    expect(stub.requestsTo('GET', SHIFTS)).toHaveLength(1);
  });

  it('runs on one instance when two try at once', async () => {
    const outcomes = await Promise.all([
      runDailyShiftsSync(deps('a'), londonMorning('05:00')),
      runDailyShiftsSync(deps('b'), londonMorning('05:00')),
    ]);

    expect(outcomes.sort()).toEqual(['done', 'not this instance']);
    expect(stub.requestsTo('GET', SHIFTS)).toHaveLength(1);
  });

  it('tries a failed day again after the lease runs out, at most three times', async () => {
    stub.route('GET', SHIFTS, { status: 503 });

    expect(await runDailyShiftsSync(deps('a'), londonMorning('05:00'))).toBe('failed');
    expect(await runDailyShiftsSync(deps('b'), londonMorning('05:20'))).toBe('not this instance');
    expect(await runDailyShiftsSync(deps('b'), londonMorning('05:31'))).toBe('failed');
    expect(await runDailyShiftsSync(deps('a'), londonMorning('06:02'))).toBe('failed');
    expect(await runDailyShiftsSync(deps('a'), londonMorning('07:00'))).toBe('not this instance');
    expect(stub.requestsTo('GET', SHIFTS)).toHaveLength(SHIFTS_SYNC_MAX_TRIES);
  });

  it('recovers when Graph answers again on a later try', async () => {
    stub.queue('GET', SHIFTS, { status: 503 });

    expect(await runDailyShiftsSync(deps('a'), londonMorning('05:00'))).toBe('failed');
    expect(await runDailyShiftsSync(deps('a'), londonMorning('05:30'))).toBe('done');
    expect((await new RotaRepository(store).readMonth(IDS.nurse, '2026-06'))?.rota.shifts).toHaveLength(1);
  });

  it("checks open visits against the day's shifts: a visit now on an early shift goes back to the manager, once", async () => {
    const requests = new RequestsRepository(store);
    const at = londonMorning('05:00').toISOString();
    const visit: ShadowingRequest = {
      id: 'visit-1',
      visitorId: IDS.nurse,
      managerId: 'manager-1',
      state: 'awaiting_manager',
      purpose: 'To see how the discharge lounge works',
      objectives: ['See a discharge planned'],
      // 09:00-13:00 London on the day of the Early shift (07:00-15:00 London).
      start: '2026-06-16T08:00:00.000Z',
      end: '2026-06-16T12:00:00.000Z',
      timeBasis: 'own_time',
      releaseHours: 0,
      coverHours: 0,
      history: [{ from: 'draft', to: 'awaiting_manager', by: IDS.nurse, at }],
      createdAt: at,
      updatedAt: at,
    };
    await requests.create(visit);

    expect(await runDailyShiftsSync(deps('a'), londonMorning('05:00'))).toBe('done');

    const after = (await requests.find(IDS.nurse, visit.id))?.request;
    expect(after).toMatchObject({
      state: 'awaiting_manager',
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
    });
    const owed = await new OutboxRepository(store).listForPerson('manager-1');
    expect(owed.map((n) => [n.kind, n.requestId])).toEqual([['approval_needed', visit.id]]);
    expect(owed[0]?.note).toContain('it is now in work time (4 hours released, 4 hours of cover needed)');
    // The cards already sent about it (the visitor's, the manager's) are drawn again by the service.
    expect(await redrawsAsked()).toEqual([visit.id]);

    // The next day's run reads the same shift again: nothing more is written or sent.
    expect(await runDailyShiftsSync(deps('a'), new Date('2026-06-16T04:00:00Z'))).toBe('done');
    expect((await requests.find(IDS.nurse, visit.id))?.request).toEqual(after);
    expect(await new OutboxRepository(store).listForPerson('manager-1')).toHaveLength(1);
  });

  it('asks for no card to be drawn again when nobody read has an open visit', async () => {
    expect(await runDailyShiftsSync(deps('a'), londonMorning('05:00'))).toBe('done');
    expect(await redrawsAsked()).toEqual([]);
  });

  it('sends a visit back to the manager when the shift it released is taken off Shifts', async () => {
    expect(await runDailyShiftsSync(deps('a'), londonMorning('05:00'))).toBe('done');
    const requests = new RequestsRepository(store);
    const at = londonMorning('05:00').toISOString();
    // Shown to the manager as 4 hours of the Early shift (07:00-15:00 London) released.
    const visit: ShadowingRequest = {
      id: 'visit-2',
      visitorId: IDS.nurse,
      managerId: 'manager-1',
      state: 'awaiting_manager',
      purpose: 'To see how the discharge lounge works',
      objectives: ['See a discharge planned'],
      start: '2026-06-16T08:00:00.000Z',
      end: '2026-06-16T12:00:00.000Z',
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
      history: [{ from: 'draft', to: 'awaiting_manager', by: IDS.nurse, at }],
      createdAt: at,
      updatedAt: at,
    };
    await requests.create(visit);
    stub.route('GET', SHIFTS, { body: { value: [] } });

    expect(await runDailyShiftsSync(deps('a'), new Date('2026-06-16T04:00:00Z'))).toBe('done');

    expect(await new RotaRepository(store).readMonth(IDS.nurse, '2026-06')).toBeUndefined();
    expect((await requests.find(IDS.nurse, visit.id))?.request).toMatchObject({
      state: 'awaiting_manager',
      timeBasis: 'own_time',
      releaseHours: 0,
      coverHours: 0,
    });
    const owed = await new OutboxRepository(store).listForPerson('manager-1');
    expect(owed.map((n) => [n.kind, n.requestId])).toEqual([['approval_needed', visit.id]]);
    expect(owed[0]?.note).toContain(
      'This visit was in work time (4 hours released, 4 hours of cover needed); it is now in their own time.',
    );
  });
});
