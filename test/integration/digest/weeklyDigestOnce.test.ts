import { deliverDue } from '../../../src/app/deliverDue';
import type { OutboxDependencies } from '../../../src/app/deliverOutbox';
import { createDispatcher } from '../../../src/app/dispatcher';
import { digestWeekJobId, type DigestWeekJob } from '../../../src/app/digest/digestWeekJob';
import { previewDigests } from '../../../src/app/digest/previewDigests';
import { queueWeeklyDigests } from '../../../src/app/digest/queueWeeklyDigests';
import { createServices, type Services } from '../../../src/app/services';
import { DEFAULT_DIGEST_SETTINGS } from '../../../src/domain/digest/digestSettings';
import { parseIsoWeek } from '../../../src/domain/digest/isoWeek';
import { createLogger } from '../../../src/logging/logger';
import { CosmosDocumentStore } from '../../../src/store/cosmos/cosmosDocumentStore';
import type { DocumentStore } from '../../../src/store/documentStore';
import {
  startCosmosServer,
  TEST_SERVER_REQUEST_TIMEOUT_MS,
  type CosmosTestServer,
} from '../../support/cosmosServer';
import { seedDigestFixtures } from '../../support/digestFixtures';
import { recordingDeliverer, type Delivered } from '../../support/recordingDeliverer';

const SETTINGS = DEFAULT_DIGEST_SETTINGS;
const MONDAY_0805 = new Date('2026-03-02T08:05:00Z');
const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/**
 * One digest per person per week on the Cosmos-protocol server, however the queueing run ends:
 * killed half-way and resumed by a fresh instance, or two instances ticking at once.
 */
describe('weekly digest, exactly once per person (Cosmos-protocol server)', () => {
  let server: CosmosTestServer;
  const opened: DocumentStore[] = [];

  /** A fresh client on the same account, as a restarted or second instance would have. */
  const openStore = async (): Promise<DocumentStore> => {
    const store = new CosmosDocumentStore({
      endpoint: server.endpoint,
      key: server.key,
      database: 'digest',
      allowSelfSignedTls: true,
      requestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS,
    });
    await store.init();
    opened.push(store);
    return store;
  };

  /** An instance: its own store client, services, clock and deliverer. */
  const startInstance = async (holder: string, at: Date, store?: DocumentStore) => {
    const instanceStore = store ?? (await openStore());
    let now = at;
    const services = createServices(instanceStore, () => now);
    const deliverer = recordingDeliverer();
    const deps: OutboxDependencies = {
      outbox: services.outbox,
      people: services.people,
      requests: services.requests,
      deliverer,
      logger: createLogger('silent'),
    };
    return {
      services,
      delivered: deliverer.delivered,
      setNow: (next: Date) => (now = next),
      queue: () => queueWeeklyDigests(instanceStore, services, now, SETTINGS, holder),
      deliver: () => deliverDue(deps, now),
    };
  };

  /** Who should get this week's digest: the preview's list of people reachable in Teams. */
  const duePeople = async (services: Services, week: string, settings = SETTINGS) => {
    const store = await openStore();
    const previews = await previewDigests(store, services, parseIsoWeek(week)!, settings);
    return previews
      .filter((p) => p.wouldSend)
      .map((p) => p.person.id)
      .sort();
  };

  const digestsPerPerson = (delivered: Delivered[], week: string) => {
    const counts = new Map<string, number>();
    for (const d of delivered.filter((d) => d.kind === 'weekly_digest' && d.requestId === week)) {
      expect(d.id).toBe(`digest:${week}:${d.personId}`);
      counts.set(d.personId, (counts.get(d.personId) ?? 0) + 1);
    }
    return counts;
  };

  beforeAll(async () => {
    server = await startCosmosServer();
    // Carl has a visit coming up but has not installed the app: nothing can be sent to him.
    await seedDigestFixtures(await openStore(), ['carl']);
  });

  afterAll(async () => {
    for (const store of opened) await store.close();
    await server.stop();
  });

  it('queues nothing before Monday 08:00 London, and leaves no record of the week', async () => {
    const early = await startInstance('early', new Date('2026-03-02T07:59:00Z'));
    expect(await early.queue()).toEqual([]);
    expect(
      await (await openStore()).read('jobs', digestWeekJobId('2026-W10'), 'digest-week'),
    ).toBeUndefined();
  });

  it('a run killed half-way through queueing is finished by a fresh instance: one digest each, to everyone due', async () => {
    const due = await duePeople(createServices(await openStore()), '2026-W10');
    expect(due).toEqual(['adele', 'alex', 'bob', 'lynne', 'mary', 'megan', 'patti']);

    // Instance A dies after queueing three messages: its store throws on the fourth write to the outbox.
    const dying = await crashAfterOutboxWrites(await openStore(), 3);
    const a = await startInstance('instance-a', MONDAY_0805, dying);
    await expect(a.queue()).rejects.toThrow('process killed');

    // Instance B starts while A's lease is still running: it leaves the week alone, but delivers
    // the three messages A queued before it died.
    const b = await startInstance('instance-b', minutesAfter(MONDAY_0805, 1));
    expect(await b.queue()).toEqual([]);
    expect(await b.deliver()).toBe(3);
    const stalled = await (
      await openStore()
    ).read<DigestWeekJob>('jobs', digestWeekJobId('2026-W10'), 'digest-week');
    expect(stalled?.doc).toMatchObject({ state: 'queuing', holder: 'instance-a' });

    // Once the lease has run out, B takes over and queues only what is missing.
    b.setNow(minutesAfter(MONDAY_0805, 3));
    expect((await b.queue()).map((n) => n.personId).sort()).toHaveLength(due.length - 3);
    await b.deliver();

    // Further ticks on both, the same day and later that week, add nothing.
    for (const at of [minutesAfter(MONDAY_0805, 4), new Date('2026-03-05T12:00:00Z')]) {
      b.setNow(at);
      expect(await b.queue()).toEqual([]);
      expect(await (await startInstance('instance-c', at)).queue()).toEqual([]);
      await b.deliver();
    }

    const counts = digestsPerPerson([...a.delivered, ...b.delivered], '2026-W10');
    expect([...counts.keys()].sort()).toEqual(due);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const done = await (
      await openStore()
    ).read<DigestWeekJob>('jobs', digestWeekJobId('2026-W10'), 'digest-week');
    expect(done?.doc).toMatchObject({ state: 'done', holder: 'instance-b', queued: due.length });
  });

  it('two instances ticking at the same moment send one digest each', async () => {
    const monday = new Date('2026-03-09T08:00:00Z');
    const due = await duePeople(createServices(await openStore()), '2026-W11');
    expect(due.length).toBeGreaterThan(0);
    const [one, two] = await Promise.all([startInstance('one', monday), startInstance('two', monday)]);
    for (let tick = 0; tick < 3; tick += 1) {
      await Promise.all([one.queue(), two.queue()]);
      await Promise.all([one.deliver(), two.deliver()]);
    }
    const counts = digestsPerPerson([...one.delivered, ...two.delivered], '2026-W11');
    expect([...counts.keys()].sort()).toEqual(due);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it("the scheduler's tick queues the week's digests at the configured time, and the next tick sends them", async () => {
    const store = await openStore();
    let now = new Date('2026-03-19T15:59:00Z'); // Thursday of 2026-W12, a minute before 16:00
    const services = createServices(store, () => now);
    const deliverer = recordingDeliverer();
    const settings = { ...SETTINGS, schedule: { weekday: 'thu' as const, time: '16:00' } };
    const dispatcher = createDispatcher(store, services, deliverer, createLogger('silent'), settings);
    await dispatcher.tick();
    expect(await store.read('jobs', digestWeekJobId('2026-W12'), 'digest-week')).toBeUndefined();
    now = new Date('2026-03-19T16:00:00Z');
    await dispatcher.tick();
    await dispatcher.tick();
    const due = await duePeople(services, '2026-W12', settings);
    expect(due.length).toBeGreaterThan(0);
    const counts = digestsPerPerson(deliverer.delivered, '2026-W12');
    expect([...counts.keys()].sort()).toEqual(due);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('each message carries the digest of the person it goes to', async () => {
    const store = await openStore();
    const services = createServices(store);
    for (const id of ['megan', 'patti', 'adele']) {
      const queued = await services.outbox.find(id, `digest:2026-W10:${id}`);
      expect(queued?.notification).toMatchObject({
        kind: 'weekly_digest',
        personId: id,
        requestId: '2026-W10',
        payload: { personId: id, week: '2026-W10' },
      });
    }
    expect((await services.outbox.listForPerson('carl')).filter((n) => n.kind === 'weekly_digest')).toEqual(
      [],
    );
  });
});

/** The store as a process that dies mid-run would see it: after `writes` outbox writes, every call fails. */
async function crashAfterOutboxWrites(store: DocumentStore, writes: number): Promise<DocumentStore> {
  let left = writes;
  let dead = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === 'create' && args[0] === 'outbox' && !dead) {
          if (left === 0) dead = true;
          left -= 1;
        }
        if (dead && property !== 'close') return Promise.reject(new Error('process killed'));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
