import {
  FIRST_BACKOFF_MS,
  pauseSendSchedule,
  THROTTLE_QUIET_MS,
} from '../../../src/app/sending/pauseSendSchedule';
import {
  MAX_SEND_PAUSE_MS,
  reserveSendSlots,
  SEND_SCHEDULE_ID,
  slotSpacingMicros,
  type SendScheduleDoc,
} from '../../../src/app/sending/reserveSendSlots';
import { SendRateLimiter, SPARE_SLOTS } from '../../../src/app/sending/sendRateLimiter';
import type { DocumentStore } from '../../../src/store/documentStore';
import { SHARED_STORE_SUBJECTS } from '../../support/sharedStores';
import { busiestSecond, steppedTime } from '../../support/steppedTime';

interface Grant {
  instance: number;
  conversation: string;
  at: number;
}

/** Slots one reservation may hand out before the instance hears of a pause: its waiters and spares. */
const ONE_RESERVATION = Math.ceil(49 / 5) + SPARE_SLOTS;

/**
 * Each instance sends through `lanes` senders, each taking the next conversation as soon as the
 * last was let through; `afterGrant` runs after each (as the deliverer hears the connector's answer).
 */
function sendAll(
  limiters: readonly SendRateLimiter[],
  perLane: number,
  lanes: number,
  now: () => number,
  afterGrant: (grant: Grant, grants: readonly Grant[]) => Promise<void>,
): { grants: Grant[]; done: Promise<unknown> } {
  const grants: Grant[] = [];
  const senders = limiters.flatMap((limiter, instance) =>
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = 0; i < perLane; i += 1) {
        const conversation = `person-${instance}-${lane}-${i}`;
        const permit = await limiter.take(conversation);
        const grant = { instance, conversation, at: now() };
        grants.push(grant);
        await afterGrant(grant, grants);
        permit.answered();
      }
    }),
  );
  return { grants, done: Promise.all(senders) };
}

describe.each(SHARED_STORE_SUBJECTS)('a 429 pauses the send budget of every instance: $name', (subject) => {
  let connect: () => Promise<DocumentStore>;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ connect, cleanup } = await subject.open());
  });
  afterEach(async () => {
    await cleanup();
  });

  it('a 429 with Retry-After 2 s seen by one instance stops the other sending for 2 s, then both go on at the pace, nothing lost', async () => {
    const time = steppedTime();
    const limiters = [await connect(), await connect()].map(
      (store) =>
        new SendRateLimiter({ store: time.track(store), perSecond: 49, now: time.now, sleep: time.sleep }),
    );
    let throttledAt: number | undefined;
    let waitMs: number | undefined;
    const { grants, done } = sendAll(limiters, 15, 8, time.now, async (grant, all) => {
      // Instance 0's 20th send is answered 429 with Retry-After 2 s.
      if (grant.instance !== 0 || all.filter((g) => g.instance === 0).length !== 20) return;
      throttledAt = time.now();
      waitMs = await (limiters[0] as SendRateLimiter).throttled(2_000);
    });
    await time.runAll();
    await done;

    expect(grants).toHaveLength(2 * 8 * 15);
    expect(new Set(grants.map((g) => g.conversation)).size).toBe(2 * 8 * 15);
    const from = throttledAt as number;
    expect(waitMs).toBe(2_000);
    const during = grants.filter((g) => g.at > from && g.at < from + 2_000);
    // The instance that saw the 429 sends nothing more until the pause ends.
    expect(during.filter((g) => g.instance === 0)).toEqual([]);
    // The other goes on only with slots it took before the pause was written, until its next
    // reservation: at most one reservation's worth, in the first moments.
    const spacing = slotSpacingMicros(49, 2) / 1000;
    expect(during.length).toBeLessThanOrEqual(ONE_RESERVATION);
    for (const grant of during) expect(grant.at).toBeLessThan(from + ONE_RESERVATION * spacing);
    // Then both resume at the pace, the first send exactly as the pause ends.
    const after = grants.filter((g) => g.at >= from + 2_000).map((g) => g.at);
    expect(Math.min(...after)).toBe(from + 2_000);
    for (const instance of [0, 1])
      expect(grants.filter((g) => g.instance === instance && g.at >= from + 2_000).length).toBeGreaterThan(
        20,
      );
    expect(busiestSecond(grants.map((g) => g.at))).toBeLessThanOrEqual(49);
  });

  it('an instance that did not see the 429 reads the pause from the shared schedule: its first slot is when the pause ends', async () => {
    const time = steppedTime();
    const [a, b] = [await connect(), await connect()];
    const seeing = new SendRateLimiter({ store: time.track(a), now: time.now, sleep: time.sleep });
    const other = new SendRateLimiter({ store: time.track(b), now: time.now, sleep: time.sleep });
    const start = time.now();
    expect(await seeing.throttled(2_000)).toBe(2_000);
    const sent = other.take('someone').then(() => time.now());
    await time.runAll();
    expect(await sent).toBe(start + 2_000);
  });

  it('without Retry-After the pause doubles with each 429 after the last pause ended, up to its ceiling, and starts again after a quiet spell', async () => {
    const [a, b] = [await connect(), await connect()];
    let now = 1_800_000_000_000;
    const clock = () => now;
    const pauses: number[] = [];
    const throttle = async (store: DocumentStore) =>
      pauses.push((await pauseSendSchedule(store, { retryAfterMs: undefined, now: clock })) - now);

    await throttle(a);
    // Another 429 during the pause (a send let go before it was known) does not lengthen it.
    now += 400;
    await throttle(b);
    now += 600;
    await throttle(b);
    now += 2_000;
    await throttle(a);
    now += 4_000;
    await throttle(b);
    now += MAX_SEND_PAUSE_MS;
    await throttle(a);
    expect(pauses).toEqual([
      FIRST_BACKOFF_MS,
      FIRST_BACKOFF_MS - 400,
      2 * FIRST_BACKOFF_MS,
      4 * FIRST_BACKOFF_MS,
      MAX_SEND_PAUSE_MS,
      MAX_SEND_PAUSE_MS,
    ]);
    // Any instance's next slot waits for the pause.
    expect((await reserveSendSlots(b, { count: 1, perSecond: 49, now: clock })).slots).toEqual([
      now + MAX_SEND_PAUSE_MS,
    ]);

    now += MAX_SEND_PAUSE_MS + THROTTLE_QUIET_MS + 1;
    await throttle(b);
    expect(pauses.at(-1)).toBe(FIRST_BACKOFF_MS);
  });

  it('holds everyone back for at most its ceiling, whatever Retry-After asks (a 429 may be about one chat only)', async () => {
    const store = await connect();
    const now = () => 1_800_000_000_000;
    expect(await pauseSendSchedule(store, { retryAfterMs: 120_000, now })).toBe(now() + MAX_SEND_PAUSE_MS);
    expect((await reserveSendSlots(store, { count: 1, perSecond: 49, now })).slots).toEqual([
      now() + MAX_SEND_PAUSE_MS,
    ]);
  });

  it('keeps the slots taken while paused, and does not believe a pause further ahead than any it writes (a wrong clock)', async () => {
    const store = await connect();
    const now = () => 1_800_000_000_000;
    await pauseSendSchedule(store, { retryAfterMs: 1_000, now });
    const first = await reserveSendSlots(store, { count: 2, perSecond: 50, now });
    const second = await reserveSendSlots(store, { count: 1, perSecond: 50, now });
    const spacing = slotSpacingMicros(50, 1) / 1000;
    expect([...first.slots, ...second.slots]).toEqual([
      now() + 1_000,
      now() + 1_000 + spacing,
      now() + 1_000 + 2 * spacing,
    ]);
    expect(first.pausedUntil).toBe(now() + 1_000);

    const found = await store.read<SendScheduleDoc>('jobs', SEND_SCHEDULE_ID, SEND_SCHEDULE_ID);
    await store.upsert('jobs', {
      ...(found?.doc as SendScheduleDoc),
      nextSlotMicros: 0,
      pausedUntilMicros: (now() + MAX_SEND_PAUSE_MS + 1) * 1000,
    });
    expect((await reserveSendSlots(store, { count: 1, perSecond: 50, now })).slots).toEqual([now()]);
  });
});
