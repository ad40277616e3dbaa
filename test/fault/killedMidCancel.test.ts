import { notificationId } from '../../src/app/notifications';
import { TICK_FINISHED } from '../../src/app/startScheduler';
import { writeTasks } from '../../src/app/writeTasks';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { HoldsRepository } from '../../src/store/repositories/holdsRepository';
import { TasksRepository } from '../../src/store/repositories/tasksRepository';
import { actorFor, activityFrom, cardExecute } from '../support/activities';
import { postActivity } from '../support/http';
import { isWrite, useKilledServiceStack } from '../support/killedServiceStack';
import { requestInState } from '../support/requestInState';

const alex = actorFor(DEMO_IDS.alex, 'alex-killed-cancel');
const megan = actorFor(DEMO_IDS.megan, 'megan-killed-cancel');
const adele = actorFor(DEMO_IDS.adele, 'adele-killed-cancel');

// Only a hang guard: two services start in processes of their own, which is slow on a busy machine.
jest.setTimeout(240_000);

/**
 * The real service in its own process, on the Cosmos-protocol server, killed (SIGKILL) once a
 * visitor's cancellation of a confirmed visit is stored and answered, with what follows it
 * (pointers, the place given back, the manager's and host's messages) cut off part way. Nobody
 * clicks again: the service started "a minute later" gives the place back and tells the manager
 * and the host, once.
 */
describe('the service killed between storing a cancellation and what follows it', () => {
  const stack = useKilledServiceStack('killed-cancel');

  const messagesAbout = async (requestId: string) =>
    (await stack.store.query('outbox', { where: [{ field: 'requestId', op: '=', value: requestId }] }))
      .map((n) => [n.id, n.status])
      .sort();
  const postsTo = (who: typeof alex) =>
    stack.connector.posts.filter((p) => p.path.includes(encodeURIComponent(who.conversationId))).length;

  it('gives the place back and tells the manager and the host once, a minute later', async () => {
    // A confirmed visit a fortnight ahead, its place held and its pointers written, as an
    // acceptance leaves it.
    const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const slot = { start: `${day}T09:00:00.000Z`, end: `${day}T12:00:00.000Z` };
    const request = requestInState('confirmed', slot, slot, new Date());
    await stack.store.create('requests', { ...request });
    await writeTasks(new TasksRepository(stack.store), request);
    const holds = new HoldsRepository(stack.store);
    await holds.reserve(DEMO_IDS.adele, request.offerId!, { requestId: request.id, ...slot }, async () => ({
      ok: true,
    }));

    const first = await stack.start({ SCHEDULER_INTERVAL_SECONDS: '0' });
    for (const who of [alex, megan, adele])
      await stack.post(
        first,
        activityFrom(who, {
          type: 'conversationUpdate',
          membersAdded: [{ id: who.userId }],
          deliveryMode: 'normal',
        }),
      );

    // Alex cancels and is answered once the cancellation is stored; the service dies while a
    // write of what follows it is held back.
    const followUp = stack.cosmos.stall(isWrite('tasks'));
    const cancelled = stack.cosmos.answered(isWrite('requests'));
    const clicked = postActivity(
      first.url,
      cardExecute(
        alex,
        'decide',
        { action: 'cancel', requestId: request.id, visitorId: request.visitorId },
        stack.connector.url,
      ),
      { settled: false },
    ).then(
      ({ body }) => JSON.stringify(body),
      () => 'no answer',
    );
    await Promise.all([followUp.stalled, cancelled]);
    expect(await clicked).toMatch(/Cancelled/);
    first.process.kill('SIGKILL');
    await first.exited;
    followUp.drop();

    const before = { megan: postsTo(megan), adele: postsTo(adele) };
    const stored = (await stack.store.read('requests', request.id, DEMO_IDS.alex))?.doc;
    expect(stored?.state).toBe('cancelled');
    expect(stored?.history).toHaveLength(4);

    // Started again a minute later, with the scheduler on; nobody clicks again.
    const second = await stack.start({
      SCHEDULER_INTERVAL_SECONDS: '1',
      TEST_CLOCK_OFFSET_MS: '61000',
    });
    const owed = [
      notificationId('request_update', request.id, DEMO_IDS.adele, '4'),
      notificationId('request_update', request.id, DEMO_IDS.megan, '4'),
    ].sort();
    const allSent = async () =>
      (await messagesAbout(request.id)).filter(([, status]) => status === 'sent').length === owed.length;
    while (!(await allSent())) await second.logged(TICK_FINISHED);
    // Two more whole ticks: nothing more is filed or sent about it.
    await second.logged(TICK_FINISHED, 3);

    expect(await messagesAbout(request.id)).toEqual(owed.map((id) => [id, 'sent']));
    expect(await holds.isHeld(DEMO_IDS.adele, request.offerId!, request.id, slot.start)).toBe(false);
    const pointers = await stack.store.query('tasks', {
      where: [{ field: 'requestId', op: '=', value: request.id }],
    });
    expect(pointers.map((t) => [t.role, t.state]).sort()).toEqual([
      ['host', 'cancelled'],
      ['manager', 'cancelled'],
    ]);
    // One message each since the crash, however much of it the first service had written.
    expect({ megan: postsTo(megan), adele: postsTo(adele) }).toEqual({
      megan: before.megan + 1,
      adele: before.adele + 1,
    });
  });
});
