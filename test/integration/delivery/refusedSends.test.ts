import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NOTIFICATION_KINDS, type Notification, type NotificationKind } from '../../../src/app/notifications';
import { newNotification } from '../../../src/app/notifyParties';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Bot } from '../../../src/teams/createBot';
import { captureLogs } from '../../support/logCapture';
import { startScriptedConnector, type ScriptedAnswer } from '../../support/scriptedConnector';
import {
  DEMO_TODAY,
  morningOf,
  seedWorkflow,
  submitFor,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';
import { reachableStaff } from '../../support/reachableStaff';
import { workflowBot } from '../../support/workflowBot';

type Fault = '429' | '503' | '403' | 'refused';
const FAULTS: Fault[] = ['429', '503', '403', 'refused'];
const ANSWERS: Record<Exclude<Fault, 'refused'>, ScriptedAnswer> = {
  '429': { status: 429, headers: { 'Retry-After': '120' } },
  '503': { status: 503 },
  '403': { status: 403 },
};

/** Gives a listening server's port back, so nothing listens there: connections are refused. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Every kind of message, sent through the bot as it runs (the real adapter, with the turn-error
 * handler teams-ai installs on it) to a loopback Bot Connector that answers 429, 503 or 403, or
 * to an address that refuses connections. Each failure reaches the outbox with its status; none
 * is recorded as sent; nobody gets an apology for a send they never asked for; and once the
 * connector answers again, every message still owed arrives exactly once.
 */
describe('proactive sends the connector refuses, for every kind of message', () => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let bot: Bot;
  let connector: Awaited<ReturnType<typeof startScriptedConnector>>;
  let refusedPort: number;
  let request: ShadowingRequest;
  const recovered = { now: false };
  const { logger, lines } = captureLogs();
  const queued = new Map<string, { fault: Fault; kind: NotificationKind; notification: Notification }>();

  const personFor = (fault: Fault, kind: NotificationKind) => `fault-${fault}-${kind}`;
  const conversationOf = (personId: string) => `a:${personId}`;

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    const alex = (await workflow.services.people.findById(DEMO_IDS.alex)) as Person;
    request = await submitFor(workflow, alex, morningOf('2025-03-18'));
    connector = await startScriptedConnector((conversation) => {
      const fault = /^a:fault-(\d{3})-/.exec(conversation)?.[1] as keyof typeof ANSWERS | undefined;
      return recovered.now || !fault ? { status: 200 } : ANSWERS[fault];
    });
    refusedPort = await closedPort();
    // Each 429 pauses every send for up to 5 s; what matters here is what is sent, not when.
    bot = workflowBot(workflow, opened.store, logger);
    for (const fault of FAULTS)
      for (const kind of NOTIFICATION_KINDS) {
        const id = personFor(fault, kind);
        const serviceUrl = fault === 'refused' ? `http://127.0.0.1:${refusedPort}/` : connector.url;
        await workflow.services.people.upsert(reachableStaff(id, serviceUrl));
        const notification = newNotification(kind, request, id, 'fault', DEMO_TODAY, 'A note');
        await workflow.services.outbox.enqueue(notification);
        queued.set(notification.id, { fault, kind, notification });
      }
  });
  afterAll(async () => {
    await bot?.dispatcher.idle();
    await connector?.stop();
    await cleanup?.();
  });

  const stateOf = async (n: Notification) =>
    (await workflow.services.outbox.find(n.personId, n.id))?.notification;
  const tickAt = async (at: Date) => {
    workflow.setNow(at);
    await bot.dispatcher.tick();
    await bot.dispatcher.idle();
  };

  it('records each failure with its status, never as sent, and tells no one anything', async () => {
    await tickAt(DEMO_TODAY);

    for (const { fault, kind, notification } of queued.values()) {
      const state = await stateOf(notification);
      const cell = `${kind} ${fault}`;
      if (fault === '403') {
        expect({ cell, state }).toMatchObject({ cell, state: { status: 'unreachable', lastStatus: 403 } });
        expect(
          (await workflow.services.people.findById(notification.personId))?.unreachableSince,
        ).toBeDefined();
      } else {
        const expected =
          fault === 'refused'
            ? { status: 'pending', attempts: 1, lastError: 'ECONNREFUSED' }
            : { status: 'pending', attempts: 1, lastStatus: Number(fault), lastError: `HTTP ${fault}` };
        expect({ cell, state }).toMatchObject({ cell, state: expected });
        expect(Date.parse(String(state?.nextAttemptAt))).toBeGreaterThan(DEMO_TODAY.getTime());
      }
      if (fault === '429')
        expect(Date.parse(String(state?.nextAttemptAt)) - DEMO_TODAY.getTime()).toBeGreaterThanOrEqual(
          120_000,
        );
    }
    // One post per message, and no apology sent to anyone during a proactive send.
    for (const fault of ['429', '503', '403'] as const)
      for (const kind of NOTIFICATION_KINDS)
        expect(
          connector.posts.filter((p) => p.conversationId === conversationOf(personFor(fault, kind))),
        ).toHaveLength(1);
    expect(JSON.stringify(connector.posts)).not.toMatch(/sorry|went wrong/i);
    expect(lines.filter((l) => l.msg === 'turn failed')).toEqual([]);
    // The log says what happened to each one.
    const logged = new Map(
      lines.filter((l) => String(l.msg).startsWith('outbox delivery')).map((l) => [l.notificationId, l]),
    );
    for (const { fault, notification } of queued.values())
      expect(logged.get(notification.id)).toMatchObject(
        fault === '403'
          ? { status: 'unreachable', httpStatus: 403, msg: expect.stringContaining('cannot be reached') }
          : fault === 'refused'
            ? {
                status: 'retry',
                error: 'ECONNREFUSED',
                msg: expect.stringContaining('not sent, will try again'),
              }
            : {
                status: 'retry',
                httpStatus: Number(fault),
                msg: expect.stringContaining('not sent, will try again'),
              },
      );
  });

  it('delivers every message still owed exactly once when the connector answers again', async () => {
    recovered.now = true;
    const listening = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'late-1' }));
      });
    });
    await new Promise<void>((resolve) => listening.listen(refusedPort, '127.0.0.1', resolve));
    try {
      await tickAt(new Date(DEMO_TODAY.getTime() + 3_600_000));
    } finally {
      listening.closeAllConnections();
      await new Promise<void>((resolve) => listening.close(() => resolve()));
    }
    for (const { fault, kind, notification } of queued.values()) {
      const state = await stateOf(notification);
      expect({ cell: `${kind} ${fault}`, status: state?.status, attempts: state?.attempts }).toEqual({
        cell: `${kind} ${fault}`,
        status: fault === '403' ? 'unreachable' : 'sent',
        attempts: fault === '403' ? 1 : 2,
      });
    }
    for (const fault of ['429', '503'] as const)
      for (const kind of NOTIFICATION_KINDS)
        expect(
          connector.posts
            .filter((p) => p.conversationId === conversationOf(personFor(fault, kind)))
            .map((p) => p.status),
        ).toEqual([Number(fault), 200]);
  });
});
