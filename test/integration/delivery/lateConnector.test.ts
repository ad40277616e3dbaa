import { createDispatcher, type Dispatcher } from '../../../src/app/dispatcher';
import { LEASE_MS } from '../../../src/app/deliverOutbox';
import type { Notification } from '../../../src/app/notifications';
import { createServices, type Services } from '../../../src/app/services';
import { createStore } from '../../../src/store/createStore';
import type { DocumentStore } from '../../../src/store/documentStore';
import { createAdapter } from '../../../src/teams/createAdapter';
import { SendRateLimiter } from '../../../src/app/sending/sendRateLimiter';
import { TeamsDeliverer } from '../../../src/teams/teamsDeliverer';
import {
  startCosmosServer,
  TEST_SERVER_REQUEST_TIMEOUT_MS,
  type CosmosTestServer,
} from '../../support/cosmosServer';
import { reachableStaff } from '../../support/reachableStaff';
import { startLateConnector, type LateConnector } from '../../support/lateConnector';
import { captureLogs } from '../../support/logCapture';

const T0 = new Date('2025-03-03T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

interface Instance {
  store: DocumentStore;
  services: Services;
  dispatcher: Dispatcher;
  lines: Array<Record<string, unknown>>;
}

/**
 * Two instances of the service on one Cosmos-protocol server (as App Service runs when scaled
 * out), sharing one clock the test moves, and a Bot Connector that answers late. A message is
 * sent once, whichever instance ticks meanwhile, and each instance's log says what really
 * happened to it.
 */
describe('two instances and a Bot Connector that answers late', () => {
  let cosmos: CosmosTestServer;
  let connector: LateConnector;
  let now = T0;
  const instances: Instance[] = [];
  let step = 0;

  const startInstance = async (timing: {
    sendTimeout: number | (() => AbortSignal);
    renewClaimEveryMs: number;
  }) => {
    const store = createStore(
      {
        kind: 'cosmos',
        endpoint: cosmos.endpoint,
        key: cosmos.key,
        database: 'late-connector',
        allowSelfSignedTls: true,
      },
      undefined,
      TEST_SERVER_REQUEST_TIMEOUT_MS,
    );
    await store.init();
    const services = createServices(store, () => now);
    const { logger, lines } = captureLogs();
    const deliverer = new TeamsDeliverer(
      createAdapter(),
      '',
      services,
      new SendRateLimiter({ store }),
      timing.sendTimeout,
    );
    const dispatcher = createDispatcher(store, services, deliverer, logger, undefined, undefined, {
      renewClaimEveryMs: timing.renewClaimEveryMs,
    });
    const instance = { store, services, dispatcher, lines };
    instances.push(instance);
    return instance;
  };

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    connector = await startLateConnector();
  });
  afterAll(async () => {
    connector.answerHeld();
    for (const instance of instances) {
      await instance.dispatcher.idle();
      await instance.store.close();
    }
    await connector?.stop();
    await cosmos?.stop();
  });

  /** Queues one message for a person the bot can reach through the late connector. */
  const queueMessage = async (services: Services): Promise<Notification> => {
    step += 1;
    const personId = `late-person-${step}`;
    await services.people.upsert(reachableStaff(personId, connector.url, 'Recipient'));
    const notification: Notification = {
      id: `weekly_digest:2025-W10:${personId}:late`,
      personId,
      kind: 'weekly_digest',
      requestId: '2025-W10',
      visitorId: personId,
      status: 'pending',
      attempts: 0,
      createdAt: now.toISOString(),
      nextAttemptAt: now.toISOString(),
    };
    await services.outbox.enqueue(notification);
    return notification;
  };
  const stateOf = async (services: Services, n: Notification) =>
    (await services.outbox.find(n.personId, n.id))?.notification;
  /** Waits (on the store, not the clock) until the claim has been renewed past `until`. */
  const renewedPast = async (services: Services, n: Notification, until: Date) => {
    for (;;) {
      if (((await stateOf(services, n))?.leaseUntil ?? '') >= until.toISOString()) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const deliveryLog = (instance: Instance, n: Notification) =>
    instance.lines.filter((l) => l.notificationId === n.id).map((l) => l.msg);

  it('keeps the claim while the first instance waits, so the second never sends it again', async () => {
    now = T0;
    const a = await startInstance({ sendTimeout: 600_000, renewClaimEveryMs: 10 });
    const b = await startInstance({ sendTimeout: 600_000, renewClaimEveryMs: 10 });
    const message = await queueMessage(a.services);
    const sentBefore = connector.received.length;
    connector.hold();

    const first = a.dispatcher.tick();
    await connector.whenReceived(sentBefore + 1);
    expect((await stateOf(b.services, message))?.leaseUntil).toBe(at(LEASE_MS).toISOString());
    // Fifty seconds on, the first instance, still waiting, has renewed its claim.
    now = at(50_000);
    await renewedPast(b.services, message, at(50_000 + LEASE_MS));
    // Past the first claim: the second instance ticks, and leaves the message alone.
    now = at(LEASE_MS + 1_000);
    await b.dispatcher.tick();
    await b.dispatcher.idle();
    expect(connector.received.length).toBe(sentBefore + 1);

    connector.answerHeld();
    await first;
    await a.dispatcher.idle();
    expect(connector.delivered.filter((c) => c === `a:${message.personId}`)).toHaveLength(1);
    expect(await stateOf(b.services, message)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(deliveryLog(a, message)).toEqual(['outbox delivery: sent']);
    expect(deliveryLog(b, message)).toEqual([]);
  });

  it('cuts off a send that takes too long, records it as not sent, and the other instance sends it once', async () => {
    now = T0;
    // The send runs out of time once the connector has the post and is sitting on it (a real
    // 200 ms could run out before the post even arrived on a busy machine).
    const sentBefore = connector.received.length;
    const timesOutWhenHeld = () => {
      const deadline = new AbortController();
      void connector
        .whenReceived(sentBefore + 1)
        .then(() => deadline.abort(new DOMException('the send took too long', 'TimeoutError')));
      return deadline.signal;
    };
    const a = await startInstance({ sendTimeout: timesOutWhenHeld, renewClaimEveryMs: 10 });
    const b = await startInstance({ sendTimeout: 600_000, renewClaimEveryMs: 10 });
    const message = await queueMessage(a.services);
    connector.hold();

    await a.dispatcher.tick();
    await a.dispatcher.idle();
    const waiting = await stateOf(a.services, message);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'timed out' });
    expect(deliveryLog(a, message)).toEqual(['outbox delivery: not sent, will try again']);

    connector.answerHeld();
    now = new Date(String(waiting?.nextAttemptAt));
    await b.dispatcher.tick();
    await b.dispatcher.idle();
    expect(connector.delivered.filter((c) => c === `a:${message.personId}`)).toHaveLength(1);
    expect(connector.abandoned.filter((c) => c === `a:${message.personId}`)).toHaveLength(1);
    expect(await stateOf(a.services, message)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(deliveryLog(b, message)).toEqual(['outbox delivery: sent']);
  });

  it('says so in the log when a send finishes after another instance has taken the message over', async () => {
    now = T0;
    // This instance cannot renew in time (as if the process had been paused).
    const a = await startInstance({ sendTimeout: 600_000, renewClaimEveryMs: 3_600_000 });
    const b = await startInstance({ sendTimeout: 600_000, renewClaimEveryMs: 3_600_000 });
    const message = await queueMessage(a.services);
    const sentBefore = connector.received.length;
    connector.hold();

    const first = a.dispatcher.tick();
    await connector.whenReceived(sentBefore + 1);
    now = at(LEASE_MS + 1_000);
    const second = b.dispatcher.tick();
    await connector.whenReceived(sentBefore + 2);
    connector.answerHeld();
    await Promise.all([first, second]);
    await Promise.all([a.dispatcher.idle(), b.dispatcher.idle()]);

    expect(await stateOf(b.services, message)).toMatchObject({ status: 'sent', attempts: 2 });
    const logs = [...deliveryLog(a, message), ...deliveryLog(b, message)].sort();
    expect(logs).toEqual([
      'outbox delivery: sent',
      'outbox delivery: sent, but another run had taken the message over, so it may arrive twice',
    ]);
  });
});
