import { TICK_FINISHED } from '../../src/app/startScheduler';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import type { ShadowingRequest } from '../../src/domain/requests';
import { HoldsRepository } from '../../src/store/repositories/holdsRepository';
import { actorFor, activityFrom, cardSubmit, message } from '../support/activities';
import { isWrite, useKilledServiceStack } from '../support/killedServiceStack';
import { walkToSendButton } from '../support/requestWalk';

const alex = actorFor(DEMO_IDS.alex, 'alex-killed-send');
const megan = actorFor(DEMO_IDS.megan, 'megan-killed-send');

// Only a hang guard: two services start in processes of their own, which is slow on a busy machine.
jest.setTimeout(240_000);

/**
 * The real service in its own process, on the Cosmos-protocol server, killed (SIGKILL) while it
 * sends a request: the request has been stored, and the write of its place, sent beside it, never
 * lands. The request is never announced: its manager hears nothing, nothing points at it, and the
 * service started again "a minute later" removes it and tells the visitor, once, that it was not sent.
 */
describe('the service killed between storing a request and holding its place', () => {
  const stack = useKilledServiceStack('killed-send');

  const about = async (requestId: string) => ({
    messages: (
      await stack.store.query('outbox', { where: [{ field: 'requestId', op: '=', value: requestId }] })
    ).map((n) => [n.kind, n.personId, n.status]),
    pointers: (
      await stack.store.query('tasks', { where: [{ field: 'requestId', op: '=', value: requestId }] })
    ).map((t) => t.role),
  });
  const postsTo = (who: typeof alex, text: string) =>
    stack.connector.posts.filter(
      (p) => p.path.includes(encodeURIComponent(who.conversationId)) && JSON.stringify(p.body).includes(text),
    );

  it('never announces the request, and a minute later removes it and tells the visitor once', async () => {
    const first = await stack.start({ SCHEDULER_INTERVAL_SECONDS: '0' });
    for (const who of [alex, megan])
      await stack.post(
        first,
        activityFrom(who, {
          type: 'conversationUpdate',
          membersAdded: [{ id: who.userId }],
          deliveryMode: 'normal',
        }),
      );
    const send = await walkToSendButton(
      (text) => stack.post(first, message(alex, text)),
      (data) => stack.post(first, cardSubmit(alex, data)),
    );
    const draftId = String(send?.draftId);
    expect(send?.draftId).toEqual(expect.any(String));

    // Alex clicks Send; the service dies once the request is stored and before its place is.
    const placeWrite = stack.cosmos.stall(isWrite('tasks'));
    const requestStored = stack.cosmos.answered(isWrite('requests'));
    const clicked = stack.post(first, cardSubmit(alex, send ?? {})).catch(() => 'no answer');
    await Promise.all([placeWrite.stalled, requestStored]);
    first.process.kill('SIGKILL');
    await first.exited;
    placeWrite.drop();
    expect(await clicked).toBe('no answer');

    const stored = (await stack.store.read('requests', draftId, DEMO_IDS.alex))
      ?.doc as unknown as ShadowingRequest;
    expect(stored.state).toBe('awaiting_manager');
    const holds = new HoldsRepository(stack.store);
    expect(
      await holds.isHeld(stored.hostId as string, stored.offerId as string, draftId, stored.start as string),
    ).toBe(false);
    expect(await about(draftId)).toEqual({ messages: [], pointers: [] });

    // Started again a minute later, with the scheduler on.
    const second = await stack.start({
      SCHEDULER_INTERVAL_SECONDS: '1',
      TEST_CLOCK_OFFSET_MS: '61000',
    });
    const toldAlex = async () =>
      (await about(draftId)).messages.some(
        ([kind, , status]) => kind === 'request_not_sent' && status === 'sent',
      );
    while (!(await toldAlex())) await second.logged(TICK_FINISHED);
    // Two more whole ticks: nothing more is sent about it.
    await second.logged(TICK_FINISHED, 3);

    expect(await stack.store.read('requests', draftId, DEMO_IDS.alex)).toBeUndefined();
    expect(await about(draftId)).toEqual({
      messages: [['request_not_sent', DEMO_IDS.alex, 'sent']],
      pointers: [],
    });
    expect(postsTo(alex, 'was not sent')).toHaveLength(1);
    expect(postsTo(megan, draftId)).toEqual([]);
  });
});
