import { deliverDue } from '../../../src/app/deliverDue';
import type { OutboxDependencies } from '../../../src/app/deliverOutbox';
import type { Notification } from '../../../src/app/notifications';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { DEFAULT_GRAPH_SETTINGS } from '../../../src/graph/graphSettings';
import { createUnreachableInstaller, type UnreachableHook } from '../../../src/graph/installForUnreachable';
import { createLogger } from '../../../src/logging/logger';
import { startGraphStub, StubCredential, type GraphStub } from '../../support/graphStub';
import { installFor, recordingDeliverer } from '../../support/recordingDeliverer';
import {
  DEMO_TODAY,
  morningOf,
  seedWorkflow,
  submitFor,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';

const CATALOG_APP = 'f1e2d3c4-0000-4000-8000-0000000000c1';
const MINUTE = 60_000;
const at = (minutes: number) => new Date(DEMO_TODAY.getTime() + minutes * MINUTE);
const installedApps = (userId: string) => `/users/${encodeURIComponent(userId)}/teamwork/installedApps`;

/**
 * A manager the bot has never talked to gets an approval card: the message cannot be delivered,
 * so the app is installed for them through Graph and the message tried again once Teams has sent
 * the installation update. The programme lead is asked only if that does not work.
 */
describe('installing the app for someone the bot cannot reach', () => {
  let stub: GraphStub;
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let visitor: Person;
  let managerId: string;
  let request: ShadowingRequest;
  let fallbacks: string[];
  let deps: OutboxDependencies;
  let deliverer: ReturnType<typeof recordingDeliverer>;

  beforeEach(async () => {
    stub = await startGraphStub();
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    [visitor] = (await visitorPerSlot(workflow.services, workflow.offer, [morningOf('2025-03-18')])) as [
      Person,
    ];
    managerId = visitor.managerId as string;
    expect((await workflow.services.people.findById(managerId))?.conversation).toBeUndefined();
    workflow.setNow(DEMO_TODAY);
    // The visitor has the app; their manager has never talked to the bot.
    await installFor(workflow.services.people, [visitor.id]);
    request = await submitFor(workflow, visitor, morningOf('2025-03-18'));
    fallbacks = [];
    deliverer = recordingDeliverer();
    deps = dependencies(hook());
  });
  afterEach(async () => {
    await stub.stop();
    await cleanup();
  });

  const hook = (catalogAppId: string | undefined = CATALOG_APP): UnreachableHook | undefined =>
    createUnreachableInstaller(
      {
        ...DEFAULT_GRAPH_SETTINGS,
        enabled: true,
        baseUrl: stub.baseUrl,
        ...(catalogAppId ? { catalogAppId } : {}),
      },
      { credential: new StubCredential(), sleep: async () => undefined },
    );

  /** The outbox as the dispatcher wires it: the hook first, then the usual fallback. */
  const dependencies = (reachOut: UnreachableHook | undefined): OutboxDependencies => {
    const logger = createLogger('silent');
    return {
      outbox: workflow.services.outbox,
      people: workflow.services.people,
      requests: workflow.services.requests,
      deliverer,
      logger,
      onUnreachable: async (notification) => {
        if (await reachOut?.(notification, workflow.services, logger)) return;
        fallbacks.push(notification.id);
      },
    };
  };
  const deliverAt = async (minutes: number) => {
    workflow.setNow(at(minutes));
    await deliverDue(deps, at(minutes));
  };
  const approval = async (): Promise<Notification> => {
    const found = (await workflow.services.outbox.listForPerson(managerId)).filter(
      (n) => n.requestId === request.id,
    );
    expect(found).toHaveLength(1);
    return found[0] as Notification;
  };

  it('installs the app, waits for Teams, and then delivers the approval card', async () => {
    stub.route('POST', installedApps(managerId), { status: 201 });

    await deliverAt(0);

    expect(stub.requestsTo('POST', installedApps(managerId)).map((r) => r.body)).toEqual([
      { 'teamsApp@odata.bind': `${stub.baseUrl}/appCatalogs/teamsApps/${CATALOG_APP}` },
    ]);
    expect(await approval()).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(1).toISOString(),
      lastError: 'waiting for Teams after installing the app',
    });
    expect(fallbacks).toEqual([]);

    // Teams' installation update arrives and the bot remembers the conversation.
    await installFor(workflow.services.people, [managerId]);
    await deliverAt(0.5);
    expect(deliverer.delivered.filter((d) => d.personId === managerId)).toEqual([]);
    await deliverAt(1);

    expect(deliverer.delivered.filter((d) => d.personId === managerId).map((d) => d.kind)).toEqual([
      'approval_needed',
    ]);
    expect(await approval()).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await workflow.services.people.findById(managerId))?.unreachableSince).toBeUndefined();
    expect(fallbacks).toEqual([]);
  });

  it('falls back to the programme lead when Teams never answers, after a bounded number of tries', async () => {
    stub.queue('POST', installedApps(managerId), { status: 201 });
    stub.route('POST', installedApps(managerId), { status: 409, body: { error: { code: 'Conflict' } } });

    let minutes = 0;
    for (let round = 0; round < 10 && (await approval()).status !== 'unreachable'; round += 1) {
      await deliverAt(minutes);
      minutes += 16;
    }

    expect(stub.requestsTo('POST', installedApps(managerId))).toHaveLength(4);
    expect(fallbacks).toEqual([(await approval()).id]);
    expect(await approval()).toMatchObject({ status: 'unreachable', attempts: 5 });
  });

  it('does not reinstall for someone who removed the app', async () => {
    await installFor(workflow.services.people, [managerId]);
    deliverer = recordingDeliverer((person) =>
      person.id === managerId ? { status: 'unreachable' } : { status: 'sent' },
    );
    deps = dependencies(hook());

    await deliverAt(0);

    expect(stub.requests).toEqual([]);
    expect(fallbacks).toHaveLength(1);
  });

  it('falls back at once when Graph refuses', async () => {
    stub.route('POST', installedApps(managerId), { status: 403, body: { error: { code: 'Forbidden' } } });

    await deliverAt(0);

    expect(fallbacks).toEqual([(await approval()).id]);
    expect((await approval()).status).toBe('unreachable');
  });

  it('waits and tries again while Graph is busy', async () => {
    stub.route('POST', installedApps(managerId), { status: 429, headers: { 'retry-after': '120' } });

    await deliverAt(0);

    expect(fallbacks).toEqual([]);
    expect(await approval()).toMatchObject({ status: 'pending', nextAttemptAt: at(1).toISOString() });
  });

  it('finds the object id by email for someone imported from a staff file, the email never in a URL', async () => {
    const email = ((await workflow.services.people.findById(managerId)) as Person).email;
    const objectId = '0b0b0b0b-0000-4000-8000-0000000000e1';
    stub.route('POST', '/$batch', {
      status: 200,
      body: { responses: [{ id: '1', status: 200, body: { value: [{ id: objectId }] } }] },
    });
    stub.route('POST', installedApps(objectId), { status: 201 });

    await deliverAt(0);

    // The bot's own id is unknown to Graph (404), so the email finds the object id, in a batch body.
    expect(stub.requests.map((r) => r.path)).toEqual([
      installedApps(managerId),
      '/$batch',
      installedApps(objectId),
    ]);
    const batch = stub.requestsTo('POST', '/$batch')[0]!.body as {
      requests: Array<{ method: string; url: string }>;
    };
    expect(batch.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: expect.stringContaining(encodeURIComponent(`mail eq '${email.toLowerCase()}'`)),
      }),
    ]);
    for (const request of stub.requests) {
      expect(request.path).not.toContain('@');
      expect(request.query.toString()).not.toMatch(/@|%40/);
    }
    expect((await approval()).status).toBe('pending');
    expect(fallbacks).toEqual([]);
  });

  it('falls back when neither the id nor the email is known to Entra ID', async () => {
    stub.route('POST', '/$batch', {
      status: 200,
      body: { responses: [{ id: '1', status: 200, body: { value: [] } }] },
    });

    await deliverAt(0);

    expect(stub.requests.map((r) => r.path)).toEqual([installedApps(managerId), '/$batch']);
    expect(fallbacks).toHaveLength(1);
  });

  it('waits when Graph is busy answering the email lookup', async () => {
    stub.route('POST', '/$batch', { status: 200, body: { responses: [{ id: '1', status: 429, body: {} }] } });

    await deliverAt(0);

    expect(fallbacks).toEqual([]);
    expect(await approval()).toMatchObject({ status: 'pending', nextAttemptAt: at(1).toISOString() });
  });

  it('does nothing without the catalogue id: the fallback as before', async () => {
    deps = dependencies(hook(''));
    await deliverAt(0);
    expect(stub.requests).toEqual([]);
    expect(fallbacks).toHaveLength(1);
  });
});
