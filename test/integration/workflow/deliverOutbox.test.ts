import { deliverDue } from '../../../src/app/deliverDue';
import { type DeliveryOutcome, type OutboxDependencies } from '../../../src/app/deliverOutbox';
import type { Notification } from '../../../src/app/notifications';
import { newNotification } from '../../../src/app/notifyParties';
import { createServices, type Services } from '../../../src/app/services';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { createLogger } from '../../../src/logging/logger';
import { recordingDeliverer } from '../../support/recordingDeliverer';
import { embeddedSubject } from '../../support/workflowStores';

const NOW = new Date('2025-03-03T09:00:00Z');
const request: ShadowingRequest = {
  id: 'request-outbox',
  visitorId: 'visitor-1',
  state: 'awaiting_manager',
  purpose: 'To learn',
  objectives: ['See'],
  history: [],
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
};

/** The sender's promises: a failing send is retried for as long as it takes, as the connector asks. */
describe('delivering the outbox', () => {
  let services: Services;
  let cleanup: () => Promise<void>;
  let step = 0;

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    services = createServices(opened.store, () => NOW);
    for (const id of ['visitor-1', 'manager-1']) {
      await services.people.upsert({
        id,
        email: `${id}@example.nhs.uk`,
        name: id,
        jobTitle: 'Nurse',
        department: 'Ward 1',
        profession: 'nursing',
        roles: ['staff'],
        conversation: { conversation: { id: `a:${id}` } },
      });
    }
    await services.requests.create(request);
  });
  afterAll(async () => cleanup());

  const depsWith = (answer: (n: Notification) => DeliveryOutcome) => {
    const deliverer = recordingDeliverer((_person, n) => answer(n));
    const deps: OutboxDependencies = {
      outbox: services.outbox,
      people: services.people,
      requests: services.requests,
      deliverer,
      logger: createLogger('silent'),
    };
    return { deps, deliverer };
  };
  const queue = async (personId = 'manager-1'): Promise<Notification> => {
    const message = newNotification('request_update', request, personId, `step-${(step += 1)}`, NOW);
    await services.outbox.enqueue(message);
    return message;
  };
  const stateOf = async (message: Notification) =>
    (await services.outbox.find(message.personId, message.id))?.notification;

  it('keeps retrying a failing send, well past ten attempts, until it goes through', async () => {
    const message = await queue();
    let failures = 14;
    const { deps, deliverer } = depsWith(() =>
      failures-- > 0 ? { status: 'retry', error: 'status 500' } : { status: 'sent' },
    );
    const seen: string[] = [];
    for (let round = 0; round < 30; round += 1) {
      const current = await stateOf(message);
      seen.push(current?.status ?? 'missing');
      if (current?.status !== 'pending') break;
      await deliverDue(deps, new Date(current.nextAttemptAt), { elapsedMs: () => 0 });
    }
    expect(await stateOf(message)).toMatchObject({ status: 'sent', attempts: 15 });
    expect(seen).not.toContain('failed');
    expect(deliverer.delivered.map((d) => d.id)).toEqual([message.id]);
  });

  it('waits exactly as long as the connector asked before trying again', async () => {
    const message = await queue();
    let throttled = true;
    const { deps, deliverer } = depsWith(() =>
      throttled
        ? ((throttled = false), { status: 'retry', error: 'throttled', retryAfterMs: 7000 })
        : { status: 'sent' },
    );
    await deliverDue(deps, NOW, { elapsedMs: () => 0 });
    expect(await stateOf(message)).toMatchObject({
      status: 'pending',
      nextAttemptAt: new Date(NOW.getTime() + 7000).toISOString(),
    });
    await deliverDue(deps, new Date(NOW.getTime() + 6999), { elapsedMs: () => 0 });
    expect(deliverer.delivered).toHaveLength(0);
    await deliverDue(deps, new Date(NOW.getTime() + 7000), { elapsedMs: () => 0 });
    expect(await stateOf(message)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('claims each message with a lease that runs from when it is sent, not from when the run began', async () => {
    const first = await queue();
    const second = await queue();
    const leases = new Map<string, string | undefined>();
    const { deps } = depsWith(() => ({ status: 'sent' }));
    const spy = deps.deliverer.deliver.bind(deps.deliverer);
    // Each send takes 61 seconds: the second is claimed 61 seconds into the run.
    let elapsed = 0;
    deps.deliverer = {
      deliver: async (person, n, r) => {
        leases.set(n.id, (await stateOf(n))?.leaseUntil);
        const outcome = await spy(person, n, r);
        elapsed += 61_000;
        return outcome;
      },
    };
    await deliverDue(deps, NOW, { elapsedMs: () => elapsed });
    expect(leases.get(first.id)).toBe(new Date(NOW.getTime() + 60_000).toISOString());
    expect(leases.get(second.id)).toBe(new Date(NOW.getTime() + 61_000 + 60_000).toISOString());
  });

  it('records a person the connector refuses as unreachable, until they talk to the bot again', async () => {
    const message = await queue('visitor-1');
    const { deps } = depsWith(() => ({ status: 'unreachable' }));
    const told: string[] = [];
    deps.onUnreachable = async (n) => void told.push(n.id);
    await deliverDue(deps, NOW, { elapsedMs: () => 0 });
    expect(await stateOf(message)).toMatchObject({ status: 'unreachable' });
    expect((await services.people.findById('visitor-1'))?.unreachableSince).toBe(NOW.toISOString());
    expect(told).toEqual([message.id]);
    await services.people.rememberConversation('visitor-1', { conversation: { id: 'a:visitor-1-new' } });
    expect((await services.people.findById('visitor-1'))?.unreachableSince).toBeUndefined();
  });
});
