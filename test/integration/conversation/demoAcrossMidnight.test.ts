import { rmSync } from 'node:fs';
import { DateTime } from 'luxon';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { actorFor, installation, message } from '../../support/activities';
import { allText, postActivity } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-midnight');
const NEXT_WEEK =
  'I want to learn how complex discharges are planned, so could I spend a morning with the discharge team next week?';

type Sessions = Array<{ date: string }>;
/** The board's offer, or its copy in the catalogue. */
type BoardDoc = { id: string; sessions?: Sessions; offer?: { sessions: Sessions } };

/** A clock the test moves: the service reads it for every "now". */
function settableClock(start: DateTime): { clock: () => Date; set(to: DateTime): void } {
  let now = start.toJSDate();
  return { clock: () => now, set: (to) => (now = to.toJSDate()) };
}

/** The times Alex is offered for next week, as the bot words them. */
async function offersForNextWeek(service: TestService): Promise<string> {
  await postActivity(service.url, installation(alex));
  const text = allText((await postActivity(service.url, message(alex, NEXT_WEEK))).replies);
  await postActivity(service.url, message(alex, 'cancel'));
  return text;
}

/**
 * The demo rota is laid out from the Monday of the week it is loaded, and the walk-through's
 * "next week" counts on that being this week: Alex, rostered on for next week's mornings, is
 * offered them in his work time. A demo loaded on Sunday night and used after midnight, or
 * reopened weeks later, must still be laid out for the week it is used in.
 */
describe('the demo across midnight and across weeks', () => {
  let service: TestService | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it.each([
    ['in winter (London on UTC)', '2026-12-13'],
    ['in summer (London an hour ahead of UTC)', '2027-06-13'],
  ])('offers work time next week when loaded at 23:59 on Sunday and used at 00:01, %s', async (_, sunday) => {
    const london = DateTime.fromISO(`${sunday}T23:59`, { zone: 'Europe/London' });
    const time = settableClock(london);
    service = await startTestService({}, { clock: time.clock });
    time.set(london.plus({ minutes: 2 }));

    const offered = await offersForNextWeek(service);
    expect(offered).toContain('Choose a host and a time');
    expect(offered).toMatch(/\(work time\)/);
  });

  it('lays a demo store loaded weeks ago out for this week when it is opened again', async () => {
    const loaded = DateTime.fromISO('2026-10-07T10:00', { zone: 'Europe/London' });
    const time = settableClock(loaded);
    service = await startTestService({}, { clock: time.clock });
    const dataDir = service.dataDir;
    await service.close();

    time.set(loaded.plus({ weeks: 9 }));
    service = await startTestService({ DATA_DIR: dataDir }, { clock: time.clock });
    try {
      const offered = await offersForNextWeek(service);
      expect(offered).toMatch(/\(work time\)/);
      // The Trust Board's offer still has meetings to come, in the offer and in the catalogue.
      const boards = await service.store.query<BoardDoc>('offers', {
        where: [{ field: 'id', op: '=', value: 'demo-offer-trust-board' }],
      });
      const sessions = boards.map((doc) => doc.sessions ?? doc.offer?.sessions);
      const today = time.clock().toISOString().slice(0, 10);
      expect(sessions).toHaveLength(2);
      for (const dates of sessions) expect(dates?.some((session) => session.date >= today)).toBe(true);
    } finally {
      await service.stop();
      service = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
