import { deliverDue, DELIVERY_CONCURRENCY } from '../../../src/app/deliverDue';
import { type Deliverer, type OutboxDependencies } from '../../../src/app/deliverOutbox';
import type { Notification } from '../../../src/app/notifications';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import type { Logger } from '../../../src/logging/logger';
import type { OutboxRepository } from '../../../src/store/repositories/outboxRepository';
import type { PeopleRepository } from '../../../src/store/repositories/peopleRepository';
import type { RequestsRepository } from '../../../src/store/repositories/requestsRepository';

const NOW = new Date('2025-03-03T09:00:00Z');

function message(personId: string, n: number): Notification {
  const at = new Date(NOW.getTime() - 60_000 + n).toISOString();
  return {
    id: `request_update:r-${n}:${personId}:1`,
    personId,
    kind: 'request_update',
    requestId: `r-${n}`,
    visitorId: 'visitor',
    status: 'pending',
    attempts: 0,
    createdAt: at,
    nextAttemptAt: at,
  };
}

/** An outbox in memory with version tags, as the repository behaves over a store. */
function memoryOutbox(messages: Notification[]) {
  const held = new Map(messages.map((n) => [n.id, { notification: n, etag: '1' }]));
  let version = 1;
  const outbox = {
    listDue: async (now: Date, limit: number) =>
      [...held.values()]
        .filter(({ notification: n }) => n.status === 'pending' && n.nextAttemptAt <= now.toISOString())
        .sort((a, b) => a.notification.nextAttemptAt.localeCompare(b.notification.nextAttemptAt))
        .slice(0, limit),
    find: async (_personId: string, id: string) => held.get(id),
    update: async (notification: Notification, etag: string) => {
      const current = held.get(notification.id);
      if (!current || current.etag !== etag) return undefined;
      version += 1;
      held.set(notification.id, { notification, etag: String(version) });
      return String(version);
    },
  };
  return {
    outbox: outbox as unknown as OutboxRepository,
    statusOf: (id: string) => held.get(id)?.notification.status,
  };
}

/** A deliverer whose sends stay open until released, recording how many were open at once. */
function heldDeliverer() {
  const open = new Map<string, () => void>();
  const order: string[] = [];
  let most = 0;
  const openFor = new Map<string, number>();
  let mostForOnePerson = 0;
  const deliverer: Deliverer = {
    deliver: (person: Person, notification: Notification) =>
      new Promise((resolve) => {
        order.push(notification.id);
        openFor.set(person.id, (openFor.get(person.id) ?? 0) + 1);
        mostForOnePerson = Math.max(mostForOnePerson, openFor.get(person.id) ?? 0);
        open.set(notification.id, () => {
          open.delete(notification.id);
          openFor.set(person.id, (openFor.get(person.id) ?? 1) - 1);
          resolve({ status: 'sent' });
        });
        most = Math.max(most, open.size);
      }),
  };
  return { deliverer, open, order, most: () => most, mostForOnePerson: () => mostForOnePerson };
}

function dependencies(outbox: OutboxRepository, deliverer: Deliverer): OutboxDependencies {
  const people = {
    findById: async (id: string) =>
      ({ id, conversation: { conversation: { id: `a:${id}` } } }) as unknown as Person,
    markUnreachable: async () => undefined,
  };
  const requests = { find: async () => ({ request: {} as ShadowingRequest, etag: '1' }) };
  const logger = { info: () => undefined, warn: () => undefined } as unknown as Logger;
  return {
    outbox,
    people: people as unknown as PeopleRepository,
    requests: requests as unknown as RequestsRepository,
    deliverer,
    logger,
  };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Releases open sends one at a time, oldest first, until the run is over. */
async function releaseUntilDone(
  held: ReturnType<typeof heldDeliverer>,
  run: Promise<number>,
): Promise<number> {
  let done = false;
  run.then(
    () => (done = true),
    () => (done = true),
  );
  for (let turns = 0; !done && turns < 10_000; turns += 1) {
    await settle();
    const first = held.open.values().next();
    if (!first.done) first.value();
  }
  return run;
}

describe('deliverDue', () => {
  it("sends an offer's induction terms, which belong to no request, without looking for one", async () => {
    const terms: Notification = {
      ...message('host-raj', 1),
      id: 'induction_terms:offer-1:host-raj:terms',
      kind: 'induction_terms',
      requestId: 'offer-1',
      visitorId: 'host-raj',
    };
    const { outbox, statusOf } = memoryOutbox([terms]);
    const sent: Array<ShadowingRequest | undefined> = [];
    const deliverer: Deliverer = {
      deliver: async (_person, _notification, request) => {
        sent.push(request);
        return { status: 'sent' };
      },
    };
    const deps = dependencies(outbox, deliverer);
    const lookedUp: string[] = [];
    deps.requests = {
      find: async (_v: string, id: string) => void lookedUp.push(id),
    } as unknown as RequestsRepository;
    expect(await deliverDue(deps, NOW, { page: 10, elapsedMs: () => 0, concurrency: 1 })).toBe(1);
    expect(statusOf(terms.id)).toBe('sent');
    expect(sent).toEqual([undefined]);
    expect(lookedUp).toEqual([]);
  });

  it('sends to several people at once, never more than the limit, and marks every message sent once', async () => {
    const messages = Array.from({ length: 30 }, (_, i) => message(`person-${i}`, i));
    const { outbox, statusOf } = memoryOutbox(messages);
    const held = heldDeliverer();
    const handled = await releaseUntilDone(
      held,
      deliverDue(dependencies(outbox, held.deliverer), NOW, { elapsedMs: () => 0, concurrency: 4 }),
    );
    expect(handled).toBe(30);
    expect(held.most()).toBe(4);
    expect(held.order).toHaveLength(30);
    expect(new Set(held.order).size).toBe(30);
    expect(messages.every((n) => statusOf(n.id) === 'sent')).toBe(true);
  });

  it('sends everything due in one run, listing the next page while the last is still being sent, so no sender stands idle between pages', async () => {
    const messages = Array.from({ length: 30 }, (_, i) => message(`person-${i}`, i));
    const { outbox, statusOf } = memoryOutbox(messages);
    const held = heldDeliverer();
    const run = deliverDue(dependencies(outbox, held.deliverer), NOW, {
      page: 10,
      elapsedMs: () => 0,
      concurrency: 4,
    });
    let done = false;
    void run.finally(() => (done = true));
    const openWhileWaiting: number[] = [];
    for (let turns = 0; !done && turns < 10_000; turns += 1) {
      await settle();
      const waiting = messages.filter((n) => statusOf(n.id) === 'pending').length;
      if (waiting >= 4) openWhileWaiting.push(held.open.size);
      const first = held.open.values().next();
      if (!first.done) first.value();
    }
    expect(await run).toBe(30);
    expect(messages.every((n) => statusOf(n.id) === 'sent')).toBe(true);
    // Four sends open at every step while at least four messages were still waiting.
    expect(openWhileWaiting.length).toBeGreaterThan(20);
    expect(new Set(openWhileWaiting)).toEqual(new Set([4]));
  });

  it("sends one person's messages one after another, in the order they were queued", async () => {
    const messages = [
      message('alex', 1),
      message('megan', 2),
      message('alex', 3),
      message('alex', 4),
      message('megan', 5),
    ];
    const { outbox } = memoryOutbox(messages);
    const held = heldDeliverer();
    await releaseUntilDone(
      held,
      deliverDue(dependencies(outbox, held.deliverer), NOW, { elapsedMs: () => 0, concurrency: 8 }),
    );
    expect(held.mostForOnePerson()).toBe(1);
    expect(held.order.filter((id) => id.endsWith(':alex:1'))).toEqual([
      messages[0]?.id,
      messages[2]?.id,
      messages[3]?.id,
    ]);
    expect(held.most()).toBe(2);
  });

  it('sends to at most DELIVERY_CONCURRENCY people at once by default', async () => {
    const messages = Array.from({ length: DELIVERY_CONCURRENCY * 3 }, (_, i) => message(`person-${i}`, i));
    const { outbox } = memoryOutbox(messages);
    const held = heldDeliverer();
    await releaseUntilDone(
      held,
      deliverDue(dependencies(outbox, held.deliverer), NOW, { elapsedMs: () => 0 }),
    );
    expect(held.most()).toBe(DELIVERY_CONCURRENCY);
  });

  it('starts nothing new after a failure, lets the sends under way finish, then reports the failure', async () => {
    const messages = Array.from({ length: 10 }, (_, i) => message(`person-${i}`, i));
    const { outbox, statusOf } = memoryOutbox(messages);
    const failing = {
      ...outbox,
      update: async (notification: Notification, etag: string) =>
        notification.personId === 'person-1'
          ? Promise.reject(new Error('store away'))
          : outbox.update(notification, etag),
    } as unknown as OutboxRepository;
    const held = heldDeliverer();
    await expect(
      releaseUntilDone(
        held,
        deliverDue(dependencies(failing, held.deliverer), NOW, { elapsedMs: () => 0, concurrency: 3 }),
      ),
    ).rejects.toThrow('store away');
    expect(statusOf(messages[0]?.id ?? '')).toBe('sent');
    expect(statusOf(messages[2]?.id ?? '')).toBe('sent');
    expect(held.order.length).toBeLessThan(10);
    expect(held.open.size).toBe(0);
  });
});
