import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { notificationId } from '../../src/app/notifications';
import { TICK_FINISHED } from '../../src/app/startScheduler';
import { writeTasks } from '../../src/app/writeTasks';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { seedDemoOrganisation } from '../../src/demo/seedDemo';
import { createStore } from '../../src/store/createStore';
import type { DocumentStore } from '../../src/store/documentStore';
import { HoldsRepository } from '../../src/store/repositories/holdsRepository';
import { TasksRepository } from '../../src/store/repositories/tasksRepository';
import { actorFor, activityFrom, cardExecute } from '../support/activities';
import {
  killChildServices,
  startChildService,
  writeLoader,
  type ChildService,
} from '../support/childService';
import { TEST_SERVER_REQUEST_TIMEOUT_MS } from '../support/cosmosServer';
import { startFakeConnector } from '../support/fakeConnector';
import { postActivity } from '../support/http';
import {
  isQuery,
  startInterruptibleCosmos,
  type InterruptibleCosmos,
  type RequestMatch,
} from '../support/interruptibleCosmos';
import { requestInState } from '../support/requestInState';

const alex = actorFor(DEMO_IDS.alex, 'alex-killed-cancel');
const megan = actorFor(DEMO_IDS.megan, 'megan-killed-cancel');
const adele = actorFor(DEMO_IDS.adele, 'adele-killed-cancel');

// Only a hang guard: two services start in processes of their own, which is slow on a busy machine.
jest.setTimeout(240_000);

/**
 * The real service in its own process, on the Cosmos-protocol server, killed (SIGKILL) once a
 * visitor's cancellation of a confirmed visit is stored, with what follows it (pointers, the place
 * given back, the manager's and host's messages) cut off part way. Nobody clicks again: the
 * service started "a minute later" gives the place back and tells the manager and the host, once.
 */
describe('the service killed between storing a cancellation and what follows it', () => {
  let scratch: string;
  let loaderPath: string;
  let cosmos: InterruptibleCosmos;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let store: DocumentStore;
  const env = () => ({
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
    COSMOS_DATABASE: 'killed-cancel',
    LOG_LEVEL: 'debug',
  });
  const post = async (service: ChildService, activity: Record<string, unknown>) =>
    (await postActivity(service.url, { ...activity, serviceUrl: connector.url })).replies;
  const isWrite =
    (to: string): RequestMatch =>
    (method, at, headers) =>
      (method === 'POST' || method === 'PUT') && at.includes(`/colls/${to}/docs`) && !isQuery(headers);

  beforeAll(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'killed-cancel-'));
    loaderPath = await writeLoader(scratch);
    cosmos = await startInterruptibleCosmos();
    connector = await startFakeConnector();
    store = createStore(
      {
        kind: 'cosmos',
        endpoint: cosmos.endpoint,
        key: cosmos.key,
        database: 'killed-cancel',
        allowSelfSignedTls: true,
      },
      undefined,
      TEST_SERVER_REQUEST_TIMEOUT_MS,
    );
    await store.init();
    await seedDemoOrganisation(store, { today: new Date() });
  });
  afterAll(async () => {
    await killChildServices();
    await store?.close();
    await connector?.stop();
    await cosmos?.stop();
    await fs.rm(scratch, { recursive: true, force: true });
  });

  const messagesAbout = async (requestId: string) =>
    (await store.query('outbox', { where: [{ field: 'requestId', op: '=', value: requestId }] }))
      .map((n) => [n.id, n.status])
      .sort();
  const postsTo = (who: typeof alex) =>
    connector.posts.filter((p) => p.path.includes(encodeURIComponent(who.conversationId))).length;

  it('gives the place back and tells the manager and the host once, a minute later', async () => {
    // A confirmed visit a fortnight ahead, its place held and its pointers written, as an
    // acceptance leaves it.
    const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const slot = { start: `${day}T09:00:00.000Z`, end: `${day}T12:00:00.000Z` };
    const request = requestInState('confirmed', slot, slot, new Date());
    await store.create('requests', { ...request });
    await writeTasks(new TasksRepository(store), request);
    const holds = new HoldsRepository(store);
    await holds.reserve(DEMO_IDS.adele, request.offerId!, { requestId: request.id, ...slot }, async () => ({
      ok: true,
    }));

    const first = await startChildService(loaderPath, scratch, { ...env(), SCHEDULER_INTERVAL_SECONDS: '0' });
    for (const who of [alex, megan, adele])
      await post(
        first,
        activityFrom(who, {
          type: 'conversationUpdate',
          membersAdded: [{ id: who.userId }],
          deliveryMode: 'normal',
        }),
      );

    // Alex cancels; the service dies once the cancellation is stored, a write after it held back.
    const followUp = cosmos.stall(isWrite('tasks'));
    const cancelled = cosmos.answered(isWrite('requests'));
    const clicked = post(
      first,
      cardExecute(alex, 'decide', { action: 'cancel', requestId: request.id, visitorId: request.visitorId }),
    ).catch(() => 'no answer');
    await Promise.all([followUp.stalled, cancelled]);
    first.process.kill('SIGKILL');
    await first.exited;
    followUp.drop();
    expect(await clicked).toBe('no answer');

    const before = { megan: postsTo(megan), adele: postsTo(adele) };
    const stored = (await store.read('requests', request.id, DEMO_IDS.alex))?.doc;
    expect(stored?.state).toBe('cancelled');
    expect(stored?.history).toHaveLength(4);

    // Started again a minute later, with the scheduler on; nobody clicks again.
    const second = await startChildService(loaderPath, scratch, {
      ...env(),
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
    const pointers = await store.query('tasks', {
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
