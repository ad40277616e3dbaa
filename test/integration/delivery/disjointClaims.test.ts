import { deliverDue, DUE_PAGE } from '../../../src/app/deliverDue';
import { createDispatcher } from '../../../src/app/dispatcher';
import type { OutboxDependencies } from '../../../src/app/deliverOutbox';
import type { Notification } from '../../../src/app/notifications';
import {
  claimOwnShare,
  OUTBOX_SENDERS_ID,
  type OutboxSendersDoc,
  SENDER_SILENT_MS,
  type OwnShare,
} from '../../../src/app/sending/senderShares';
import { createServices } from '../../../src/app/services';
import type { Person } from '../../../src/domain/people';
import { createLogger } from '../../../src/logging/logger';
import type { DocumentStore } from '../../../src/store/documentStore';
import type { StoredNotification } from '../../../src/store/repositories/outboxRepository';
import { recordingDeliverer } from '../../support/recordingDeliverer';
import { SHARED_STORE_SUBJECTS } from '../../support/sharedStores';
import { traceStore } from '../../support/storeTrace';

const T0 = 1_800_000_000_000;
const PEOPLE = 40;

function personId(i: number): string {
  return `person-${String(i).padStart(3, '0')}`;
}

/** `count` people reachable in Teams, each with this week's digest waiting. */
async function seed(store: DocumentStore, count = PEOPLE): Promise<void> {
  const services = createServices(store, () => new Date(T0));
  for (let i = 0; i < count; i += 1) {
    const person: Person = {
      id: personId(i),
      email: `person.${i}@northmoor-nhs.example`,
      name: `Person ${i}`,
      jobTitle: 'Staff nurse',
      department: 'Ward 7',
      profession: 'nursing',
      roles: ['staff'],
      conversation: { conversation: { id: `a:${personId(i)}` } },
    };
    await services.people.upsert(person);
    // Queued a millisecond apart, so "oldest first" is the order of the people's numbers.
    const at = new Date(T0 - 60_000 + i).toISOString();
    const digest: Notification = {
      id: `digest:2026-W10:${personId(i)}`,
      personId: personId(i),
      kind: 'weekly_digest',
      requestId: '2026-W10',
      visitorId: personId(i),
      status: 'pending',
      attempts: 0,
      createdAt: at,
      nextAttemptAt: at,
    };
    await services.outbox.enqueue(digest);
  }
}

/** One instance of the service sending from the outbox: its own store client and deliverer. */
function instance(store: DocumentStore, id: string, clock: () => number) {
  const services = createServices(store, () => new Date(clock()));
  const deliverer = recordingDeliverer();
  let lostClaims = 0;
  const update = services.outbox.update.bind(services.outbox);
  services.outbox.update = async (notification, etag) => {
    const next = await update(notification, etag);
    if (next === undefined) lostClaims += 1;
    return next;
  };
  const deps: OutboxDependencies = {
    outbox: services.outbox,
    people: services.people,
    requests: services.requests,
    deliverer,
    logger: createLogger('silent'),
  };
  let listings = 0;
  let beforeReturning: (listed: StoredNotification[]) => Promise<void> = async () => undefined;
  const listDue = services.outbox.listDue.bind(services.outbox);
  services.outbox.listDue = async (...args) => {
    listings += 1;
    const listed = await listDue(...args);
    await beforeReturning(listed);
    return listed;
  };
  return {
    listings: () => listings,
    /** Runs `work` on each listing's result before the run sees it (as another instance acting meanwhile). */
    beforeListingReturns: (work: typeof beforeReturning) => (beforeReturning = work),
    sent: () => deliverer.delivered.map((d) => d.personId),
    lostClaims: () => lostClaims,
    share: () => claimOwnShare(store, id, clock()),
    run: (concurrency: number, page = 10) =>
      deliverDue(deps, new Date(clock()), {
        page,
        concurrency,
        elapsedMs: () => 0,
        share: () => claimOwnShare(store, id, clock()),
      }),
  };
}

const everyone = Array.from({ length: PEOPLE }, (_, i) => personId(i));

describe.each(SHARED_STORE_SUBJECTS)('two instances sending from one outbox: $name', (subject) => {
  let connect: () => Promise<DocumentStore>;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ connect, cleanup } = await subject.open());
    await seed(await connect());
  });
  afterEach(async () => {
    await cleanup();
  });

  it("splits the people between the live instances: each person is exactly one instance's own", async () => {
    const stores = [await connect(), await connect(), await connect()];
    const shares: OwnShare[] = [];
    for (const [i, store] of stores.entries()) await claimOwnShare(store, `instance-${i}`, T0);
    for (const [i, store] of stores.entries())
      shares.push(await claimOwnShare(store, `instance-${i}`, T0 + 1));
    for (const person of everyone) expect(shares.filter((isOwn) => isOwn(person))).toHaveLength(1);
    for (const isOwn of shares) expect(everyone.filter(isOwn).length).toBeGreaterThan(0);
  });

  it('two instances at once each send their own share first, and between them send every message once', async () => {
    const a = instance(await connect(), 'instance-a', () => T0);
    const b = instance(await connect(), 'instance-b', () => T0);
    await a.share();
    const [isOwnA, isOwnB] = [await a.share(), await b.share()];
    const [triedA, triedB] = await Promise.all([a.run(3), b.run(3)]);

    const sent = [...a.sent(), ...b.sent()].sort();
    expect(sent).toEqual(everyone);
    for (const [who, isOwn] of [
      [a, isOwnA],
      [b, isOwnB],
    ] as const) {
      // Its own people first; anyone else's only once it has none of its own left.
      const firstOther = who.sent().findIndex((p) => !isOwn(p));
      if (firstOther >= 0) expect(who.sent().slice(firstOther).filter(isOwn)).toEqual([]);
    }
    // Racing for the same messages in the same order lost a claim on most of them; now they meet
    // only where one takes over the other's last messages, at most one per sender at once.
    expect(a.lostClaims() + b.lostClaims()).toBeLessThanOrEqual(6);
    expect(triedA + triedB).toBeLessThanOrEqual(PEOPLE + 6);
  });

  it("an instance whose partner sends nothing sends its own share first, oldest first, then the other's, newest first", async () => {
    const a = instance(await connect(), 'instance-a', () => T0);
    const b = instance(await connect(), 'instance-b', () => T0);
    await b.share();
    const isOwnA = await a.share();
    await a.run(1, 100);

    const own = everyone.filter(isOwnA);
    const others = everyone.filter((p) => !isOwnA(p));
    expect(own.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    expect(a.sent()).toEqual([...own, ...others.reverse()]);
    expect(a.lostClaims()).toBe(0);
  });

  it("takes over the other instance's messages without listing the outbox again for each one", async () => {
    const a = instance(await connect(), 'instance-a', () => T0);
    const b = instance(await connect(), 'instance-b', () => T0);
    await b.share();
    const isOwnA = await a.share();
    await a.run(2, 100);

    expect([...a.sent()].sort()).toEqual(everyone);
    expect(everyone.filter((p) => !isOwnA(p)).length).toBeGreaterThan(2);
    // One listing finds everything; another once its own have run out; one more finds nothing left.
    // Listing before every message taken over held each sender up for a whole listing.
    expect(a.listings()).toBeLessThanOrEqual(4);
  });

  it('claims each listed message with the version its listing found, without reading it again, and leaves alone one changed since', async () => {
    const store = await connect();
    const trace = traceStore(store);
    const a = instance(store, 'instance-a', () => T0);
    const other = createServices(await connect(), () => new Date(T0));
    let changed: string | undefined;
    a.beforeListingReturns(async (listed) => {
      if (changed !== undefined) return;
      // Another run claims the third message listed after this listing found it, before this run claims it.
      const { notification, etag } = listed[2] as StoredNotification;
      changed = notification.personId;
      const leaseUntil = new Date(T0 + 60_000).toISOString();
      expect(
        await other.outbox.update({ ...notification, status: 'sending', leaseUntil }, etag),
      ).toBeDefined();
    });
    await a.run(3, 100);

    expect(changed).toBeDefined();
    expect([...a.sent()].sort()).toEqual(everyone.filter((p) => p !== changed));
    expect(a.lostClaims()).toBe(1);
    // Listings and claims only: before, every message was read once more just before it was claimed.
    expect(trace.calls.filter((c) => c.container === 'outbox' && c.operation === 'read')).toEqual([]);
    const claimedElsewhere = (await other.outbox.find(changed as string, `digest:2026-W10:${changed}`))
      ?.notification;
    expect(claimedElsewhere).toMatchObject({ status: 'sending', attempts: 0 });
    trace.restore();
  });

  it('an instance silent for longer than SENDER_SILENT_MS is taken to have stopped: the other takes everyone as its own', async () => {
    let now = T0;
    const store = await connect();
    const a = instance(store, 'instance-a', () => now);
    const b = instance(await connect(), 'instance-b', () => now);
    await a.share();
    await b.share();
    now = T0 + SENDER_SILENT_MS - 1;
    expect(everyone.filter(await a.share()).length).toBeLessThan(PEOPLE);
    now = T0 + SENDER_SILENT_MS;
    expect(everyone.filter(await a.share())).toEqual(everyone);
    // And the list of senders no longer holds the silent one, so it does not grow with instances long gone.
    const doc = await store.read<OutboxSendersDoc>('jobs', OUTBOX_SENDERS_ID, OUTBOX_SENDERS_ID);
    expect(Object.keys(doc?.doc.seen ?? {})).toEqual(['instance-a']);
    await a.run(2);
    expect([...a.sent()].sort()).toEqual(everyone);
  });

  it('does not believe an instance stamped further ahead than SENDER_SILENT_MS (a clock that was wrong)', async () => {
    const a = instance(await connect(), 'instance-a', () => T0);
    const b = instance(await connect(), 'instance-b', () => T0 + SENDER_SILENT_MS + 1);
    await b.share();
    expect(everyone.filter(await a.share())).toEqual(everyone);
  });
});

describe.each(SHARED_STORE_SUBJECTS)('the scheduler tick: $name', (subject) => {
  it('sends everything due in one tick, not only the first page (a digest to everyone went out at 100 a minute)', async () => {
    const { connect, cleanup } = await subject.open();
    try {
      const store = await connect();
      const count = DUE_PAGE + 30;
      await seed(store, count);
      const deliverer = recordingDeliverer();
      const services = createServices(store, () => new Date(T0));
      await createDispatcher(store, services, deliverer, createLogger('silent')).tick();
      const digests = deliverer.delivered.filter((d) => d.id.startsWith('digest:2026-W10:'));
      expect(new Set(digests.map((d) => d.personId)).size).toBe(count);
      expect(digests).toHaveLength(count);
    } finally {
      await cleanup();
    }
  });
});
