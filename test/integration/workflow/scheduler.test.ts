import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { createDispatcher, type Dispatcher } from '../../../src/app/dispatcher';
import { newNotification } from '../../../src/app/notifyParties';
import { takeLease } from '../../../src/app/scheduledWork';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { createLogger } from '../../../src/logging/logger';
import { installFor, recordingDeliverer } from '../../support/recordingDeliverer';
import {
  DEMO_TODAY,
  morningOf,
  personOf,
  seedWorkflow,
  submitFor,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const at = (iso: string) => new Date(iso);

/**
 * The scheduler with a clock the test moves: reminders, escalations, expiries and day-before notes
 * each reach the right people once, however often the tick runs, and after downtime too.
 */
describe.each(STORE_SUBJECTS)('scheduled reminders and expiries: $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let dispatcher: Dispatcher;
  let deliverer: ReturnType<typeof recordingDeliverer>;
  let visitors: Person[];

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    const days = ['2025-03-18', '2025-03-20', '2025-03-25', '2025-03-27', '2025-04-01'];
    visitors = await visitorPerSlot(workflow.services, workflow.offer, days.map(morningOf));
    const managers = visitors.map((v) => v.managerId as string);
    await installFor(workflow.services.people, [
      ...visitors.map((v) => v.id),
      ...managers,
      DEMO_IDS.adele,
      DEMO_IDS.patti,
    ]);
  });
  afterAll(async () => cleanup());

  beforeEach(() => {
    deliverer = recordingDeliverer();
    dispatcher = createDispatcher(workflow.store, workflow.services, deliverer, createLogger('silent'));
    workflow.setNow(DEMO_TODAY);
  });

  /** Runs the tick `times` times at each of the instants given, in order. */
  const tickAt = async (instants: string[], times = 4) => {
    for (const instant of instants) {
      workflow.setNow(at(instant));
      for (let i = 0; i < times; i += 1) await dispatcher.tick();
    }
  };
  /** What was delivered about the request, in a stable order. */
  const sentFor = (request: ShadowingRequest) =>
    deliverer.delivered
      .filter((d) => d.requestId === request.id)
      .map((d) => [d.kind, d.personId])
      .sort((a, b) => a.join().localeCompare(b.join()));
  const submitAt = async (instant: string, visitor: Person, day: string) => {
    workflow.setNow(at(instant));
    const request = await submitFor(workflow, visitor, morningOf(day));
    await dispatcher.tick();
    deliverer.delivered.length = 0;
    return request;
  };

  it('reminds the manager once after 2 working days, escalates once after 5 and tells the visitor', async () => {
    const visitor = visitors[0] as Person;
    const request = await submitAt('2025-03-03T09:00:00Z', visitor, '2025-03-18');

    await tickAt(['2025-03-04T10:00:00Z', '2025-03-05T08:00:00Z']);
    expect(sentFor(request)).toEqual([]);
    await tickAt(['2025-03-05T09:00:00Z', '2025-03-06T12:00:00Z', '2025-03-07T16:00:00Z']);
    expect(sentFor(request)).toEqual([['decision_reminder', visitor.managerId]]);

    await tickAt(['2025-03-10T09:00:00Z', '2025-03-11T09:00:00Z']);
    expect(sentFor(request)).toEqual(
      [
        ['decision_reminder', visitor.managerId],
        ['escalation', DEMO_IDS.patti],
        ['request_update', visitor.id],
      ].sort((a, b) => a.join().localeCompare(b.join())),
    );
  });

  it('expires a request whose visit starts before anyone answered, telling everyone once', async () => {
    const visitor = visitors[1] as Person;
    const request = await submitAt('2025-03-17T09:00:00Z', visitor, '2025-03-20');
    const manager = await personOf(workflow.services, visitor.managerId as string);
    workflow.setNow(at('2025-03-17T10:00:00Z'));
    await decideOnRequest(
      workflow.services,
      manager,
      visitor.id,
      request.id,
      { action: 'approve', coverMethod: 'within_team' },
      workflow.services.clock(),
    );
    await workflow.services.afterAnswer.idle();
    await dispatcher.tick();
    deliverer.delivered.length = 0;

    await tickAt(['2025-03-20T08:59:00Z']);
    expect(sentFor(request)).toEqual([['decision_reminder', DEMO_IDS.adele]]);
    await tickAt(['2025-03-20T09:00:00Z', '2025-03-20T12:00:00Z', '2025-03-21T12:00:00Z']);

    const stored = await workflow.services.requests.find(visitor.id, request.id);
    expect(stored?.request.state).toBe('expired');
    expect(stored?.request.history.map((t) => t.to)).toEqual([
      'awaiting_manager',
      'awaiting_host',
      'expired',
    ]);
    expect(sentFor(request)).toEqual(
      [
        ['decision_reminder', DEMO_IDS.adele],
        ['request_update', visitor.id],
        ['request_update', manager.id],
        ['request_update', DEMO_IDS.adele],
      ].sort((a, b) => a.join().localeCompare(b.join())),
    );
    expect(
      await workflow.services.holds.holdsAround(
        DEMO_IDS.adele,
        workflow.offer.id,
        morningOf('2025-03-20').start,
      ),
    ).toEqual([]);
  });

  it('reminds visitor and host the day before a confirmed visit, once', async () => {
    const visitor = visitors[2] as Person;
    const request = await submitAt('2025-03-17T09:00:00Z', visitor, '2025-03-25');
    const manager = await personOf(workflow.services, visitor.managerId as string);
    const host = await personOf(workflow.services, DEMO_IDS.adele);
    await decideOnRequest(
      workflow.services,
      manager,
      visitor.id,
      request.id,
      { action: 'approve', coverMethod: 'within_team' },
      workflow.services.clock(),
    );
    await workflow.services.afterAnswer.idle();
    await decideOnRequest(
      workflow.services,
      host,
      visitor.id,
      request.id,
      { action: 'accept' },
      workflow.services.clock(),
    );
    await workflow.services.afterAnswer.idle();
    await dispatcher.tick();
    deliverer.delivered.length = 0;

    await tickAt(['2025-03-24T07:59:00Z']);
    expect(sentFor(request)).toEqual([]);
    await tickAt([
      '2025-03-24T08:00:00Z',
      '2025-03-24T17:00:00Z',
      '2025-03-25T08:30:00Z',
      '2025-03-26T08:30:00Z',
    ]);
    // After the visit (26 Mar) the check-in follows; here only the day-before notes are counted.
    expect(sentFor(request).filter(([kind]) => kind === 'visit_tomorrow')).toEqual(
      [
        ['visit_tomorrow', visitor.id],
        ['visit_tomorrow', DEMO_IDS.adele],
      ].sort((a, b) => a.join().localeCompare(b.join())),
    );
    expect(sentFor(request).filter(([kind]) => kind === 'visit_check_in')).toHaveLength(2);
  });

  it('catches up after downtime without sending anything twice', async () => {
    const visitor = visitors[3] as Person;
    const request = await submitAt('2025-03-10T09:00:00Z', visitor, '2025-03-27');

    // Nothing ran for nine days; then several instances' worth of ticks arrive at once.
    workflow.setNow(at('2025-03-21T11:00:00Z'));
    await Promise.all(Array.from({ length: 5 }, () => dispatcher.tick()));
    await tickAt(['2025-03-21T11:01:00Z', '2025-03-24T11:00:00Z']);

    expect(sentFor(request)).toEqual(
      [
        ['decision_reminder', visitor.managerId],
        ['escalation', DEMO_IDS.patti],
        ['request_update', visitor.id],
      ].sort((a, b) => a.join().localeCompare(b.join())),
    );
    const outbox = await workflow.services.outbox.listForPerson(visitor.managerId as string);
    expect(outbox.filter((n) => n.requestId === request.id && n.kind === 'decision_reminder')).toHaveLength(
      1,
    );
  });

  it("stamps each message with the time it was sent on the services' clock, however long the tick has run", async () => {
    const visitor = visitors[4] as Person;
    const request = await submitAt('2025-03-04T09:00:00Z', visitor, '2025-04-01');
    const sent = '2025-03-04T10:00:00Z';
    for (const step of ['slow-1', 'slow-2'])
      await workflow.services.outbox.enqueue(
        newNotification('request_update', request, visitor.id, step, at(sent)),
      );
    // Each send takes a minute and a second by the clock the test moves.
    deliverer = recordingDeliverer(() => {
      workflow.setNow(new Date(workflow.services.clock().getTime() + 61_000));
      return { status: 'sent' };
    });
    dispatcher = createDispatcher(workflow.store, workflow.services, deliverer, createLogger('silent'));

    await tickAt([sent], 1);

    const stamps = (await workflow.services.outbox.listForPerson(visitor.id))
      .filter((n) => n.requestId === request.id && n.id.includes(':slow-'))
      .map((n) => [n.id.slice(-6), n.sentAt]);
    expect(stamps.sort()).toEqual([
      ['slow-1', '2025-03-04T10:00:00.000Z'],
      ['slow-2', '2025-03-04T10:01:01.000Z'],
    ]);
  });

  it('lets one instance at a time hold the scheduler lease, and another take over when it lapses', async () => {
    const now = at('2025-04-01T09:00:00Z');
    expect(await takeLease(workflow.store, now, 'instance-a')).toBe(true);
    const rivals = await Promise.all([
      takeLease(workflow.store, now, 'instance-b'),
      takeLease(workflow.store, now, 'instance-c'),
    ]);
    expect(rivals).toEqual([false, false]);
    expect(await takeLease(workflow.store, new Date(now.getTime() + 30_000), 'instance-a')).toBe(true);
    expect(await takeLease(workflow.store, new Date(now.getTime() + 30_000 + 56_000), 'instance-b')).toBe(
      true,
    );
    expect(await takeLease(workflow.store, new Date(now.getTime() + 30_000 + 57_000), 'instance-a')).toBe(
      false,
    );
  });
});
