import {
  HOLDER_SILENT_MS,
  JOINING_MS,
  marginMs,
  MAX_SCHEDULE_AHEAD_MS,
  reserveSendSlots,
  SEND_SCHEDULE_ID,
  slotSpacingMicros,
  TRIP_ALLOWANCE_MS,
  WAKE_ALLOWANCE_MS,
} from '../../../src/app/sending/reserveSendSlots';
import {
  lateness,
  lateToleranceMs,
  SendRateLimiter,
  SPARE_SLOTS,
  SPARE_SLOTS_SHARED,
  TEAMS_PER_SECOND,
  type Grant as LimiterGrant,
} from '../../../src/app/sending/sendRateLimiter';
import { StoreUnavailableError, type DocumentStore } from '../../../src/store/documentStore';
import { SHARED_STORE_SUBJECTS } from '../../support/sharedStores';
import { busiestSecond, busiestWithin, steppedTime } from '../../support/steppedTime';

interface Grant {
  instance: number;
  conversation: string;
  at: number;
}

/**
 * Each instance sends through `lanes` senders at once (as deliverDue does), each sender taking
 * the next conversation of its list as soon as the last one was let through.
 */
function sendAll(
  limiters: readonly SendRateLimiter[],
  conversationsOf: (instance: number, lane: number) => string[],
  lanes: number,
  now: () => number,
): { grants: Grant[]; done: Promise<unknown> } {
  const grants: Grant[] = [];
  const senders = limiters.flatMap((limiter, instance) =>
    Array.from({ length: lanes }, async (_, lane) => {
      for (const conversation of conversationsOf(instance, lane)) {
        // A connector that answers at once.
        (await limiter.take(conversation)).answered();
        grants.push({ instance, conversation, at: now() });
      }
    }),
  );
  return { grants, done: Promise.all(senders) };
}

describe.each(SHARED_STORE_SUBJECTS)('one send budget for every instance: $name', (subject) => {
  let connect: () => Promise<DocumentStore>;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ connect, cleanup } = await subject.open());
  });
  afterEach(async () => {
    await cleanup();
  });

  it('two instances on one store never let more than the budget through in any second, and lose no time', async () => {
    const time = steppedTime();
    const slots: number[] = [];
    const limiters = [await connect(), await connect()].map(
      (store) =>
        new SendRateLimiter({
          store: time.track(store),
          perSecond: 49,
          now: time.now,
          sleep: time.sleep,
          onGrant: (grant) => slots.push(grant.slot),
        }),
    );
    const perLane = 15;
    const { grants, done } = sendAll(
      limiters,
      (instance, lane) => Array.from({ length: perLane }, (_, i) => `person-${instance}-${lane}-${i}`),
      8,
      time.now,
    );
    await time.runAll();
    await done;

    expect(grants).toHaveLength(2 * 8 * perLane);
    const times = grants.map((g) => g.at).sort((a, b) => a - b);
    // Each instance lets at most its part of the 50 go in any second (25 of them; the connector
    // here answers at once), so the two together never more than 50; at 49 a second of slots.
    for (const instance of [0, 1])
      expect(
        busiestSecond(grants.filter((g) => g.instance === instance).map((g) => g.at)),
      ).toBeLessThanOrEqual(25);
    expect(busiestSecond(times)).toBeLessThanOrEqual(TEAMS_PER_SECOND);
    expect(busiestSecond(times)).toBeGreaterThanOrEqual(48);
    // Slots follow one another with no gap: each one spacing after the one before (20.834 ms while
    // the second instance joins, 20.409 ms after, see marginMs), except the spare slots an
    // instance holds when it runs out of sends while the other still sends (at most SPARE_SLOTS,
    // once) and the one step where the closer spacing starts.
    const [steady, joining] = [slotSpacingMicros(49, 2), slotSpacingMicros(49, 2, true)];
    expect(steady).toBe(slotSpacingMicros(49, 1));
    expect(steady * TEAMS_PER_SECOND).toBeGreaterThanOrEqual(Math.round((1000 + marginMs(2)) * 1000));
    expect(joining * TEAMS_PER_SECOND).toBeGreaterThanOrEqual(Math.round((1000 + marginMs(2, true)) * 1000));
    const used = slots.sort((a, b) => a - b);
    const gaps = used.slice(1).map((at, i) => Math.round((at - (used[i] as number)) * 1000));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(steady);
    expect(gaps.filter((gap) => gap !== steady && gap !== joining).length).toBeLessThanOrEqual(2);
    const span = Math.round((Math.max(...used) - Math.min(...used)) * 1000);
    expect(span).toBeLessThanOrEqual((239 + SPARE_SLOTS) * steady + (joining - steady) * 100);
    expect(gaps.filter((gap) => gap === steady).length).toBeGreaterThan(120);
    // And the last send goes in its slot, or a little after it as its instance's part allows.
    expect(Math.max(...times) - Math.max(...used)).toBeLessThan(100);
    // Both instances sent: the budget is shared, not taken by whichever asked first.
    for (const instance of [0, 1])
      expect(grants.filter((g) => g.instance === instance).length).toBeGreaterThan(60);
  });

  it('with the whole budget of 50 a second, any 51 sends span a second and the margin, so a send up to the allowances late or slow still lands outside the second of the 50 before it', async () => {
    const time = steppedTime();
    const seen: LimiterGrant[] = [];
    // One instance: two keep a wider margin (see the tests below).
    const limiter = new SendRateLimiter({
      store: time.track(await connect()),
      perSecond: 50,
      now: time.now,
      sleep: time.sleep,
      onGrant: (grant) => seen.push(grant),
    });
    const { grants, done } = sendAll(
      [limiter],
      (instance, lane) => Array.from({ length: 8 }, (_, i) => `person-${instance}-${lane}-${i}`),
      16,
      time.now,
    );
    await time.runAll();
    await done;

    const times = grants.map((g) => g.at).sort((a, b) => a - b);
    expect(times).toHaveLength(128);
    const margin = marginMs(1);
    expect(margin).toBe(WAKE_ALLOWANCE_MS.alone + TRIP_ALLOWANCE_MS.alone);
    for (let k = 0; k + 50 < times.length; k += 1)
      expect((times[k + 50] as number) - (times[k] as number)).toBeCloseTo(1000 + margin, 3);
    const micros = times.map((at) => Math.round(at * 1000));
    expect(busiestWithin(micros, Math.round((1000 + margin) * 1000))).toBe(TEAMS_PER_SECOND);
    expect(lateToleranceMs(slotSpacingMicros(50, 1), 1)).toBe(WAKE_ALLOWANCE_MS.alone);
    expect(seen.every((g) => g.at === g.slot && g.misses === 0)).toBe(true);
  });

  it.each([
    ['exactly as late as allowed: each goes in its own slot', 0, 0],
    ['a millisecond later than allowed: each takes a new slot', 1, 1],
  ])(
    'senders woken late all at once, %s; with the same time again to reach Teams, no second there holds more than 50',
    async (_, beyond, fewestMisses) => {
      const time = steppedTime();
      const joinedUntil = time.now() + JOINING_MS;
      // Both instances start: slots 20.834 ms apart while the second joins (the stall falls then),
      // each may go up to the wake allowance late.
      const tolerance = lateToleranceMs(slotSpacingMicros(49, 2, true), 2, true);
      expect(tolerance).toBe(WAKE_ALLOWANCE_MS.joining);
      const seen: LimiterGrant[] = [];
      const limiters = [await connect(), await connect()].map(
        (store) =>
          new SendRateLimiter({
            store: time.track(store),
            perSecond: 49,
            now: time.now,
            sleep: time.sleep,
            onGrant: (grant) => seen.push(grant),
          }),
      );
      const { grants, done } = sendAll(
        limiters,
        (instance, lane) => Array.from({ length: 10 }, (_, i) => `person-${instance}-${lane}-${i}`),
        8,
        time.now,
      );
      // A third of a second in, before either instance's part of the 50 holds a send back.
      await time.runAll(100_000, { stallAt: time.now() + 300, stallMs: tolerance + beyond });
      await done;

      expect(grants).toHaveLength(160);
      expect(seen.filter((g) => g.misses > 0).length).toBeGreaterThanOrEqual(fewestMisses);
      if (beyond === 0) expect(seen.every((g) => g.misses === 0)).toBe(true);
      // Woken within the tolerance of its slot (a send its instance's part of the 50 holds back
      // after that keeps its slot: that wait is the window's, below).
      expect(Math.max(...seen.map((g) => lateness(g.at - g.heldMs, g.slot)))).toBeLessThanOrEqual(tolerance);
      // While the second joins, a send let in its slot may take up to the joining trip allowance
      // more to reach Teams: the sends Teams could count in one second are those let go within
      // 1,000 ms + that (in whole microseconds, as slots are kept). A send its instance's part of
      // the 50 holds back goes after its slot, and is counted by that part instead (below; see WindowShare).
      const joiningMicros = seen
        .filter((g) => g.at < joinedUntil && g.heldMs === 0)
        .map((g) => Math.round(g.at * 1000));
      const trip = TRIP_ALLOWANCE_MS.joining;
      expect(busiestWithin(joiningMicros, Math.round((1000 + trip) * 1000))).toBeLessThanOrEqual(
        TEAMS_PER_SECOND,
      );
      // Throughout, each instance lets at most its part go in any second (the answers come at once).
      for (const instance of [0, 1])
        expect(
          busiestSecond(grants.filter((g) => g.instance === instance).map((g) => g.at)),
        ).toBeLessThanOrEqual(25);
      expect(busiestSecond(seen.map((g) => g.at))).toBeLessThanOrEqual(TEAMS_PER_SECOND);
    },
  );

  it('after a stall (a busy machine waking its senders late, all at once) sends at most one more than the pace in any second', async () => {
    const time = steppedTime();
    const limiters = [await connect(), await connect()].map(
      (store) =>
        new SendRateLimiter({ store: time.track(store), perSecond: 49, now: time.now, sleep: time.sleep }),
    );
    const { grants, done } = sendAll(
      limiters,
      (instance, lane) => Array.from({ length: 15 }, (_, i) => `person-${instance}-${lane}-${i}`),
      8,
      time.now,
    );
    // A third of a second in which nobody wakes, one second into the run.
    await time.runAll(100_000, { stallAt: time.now() + 1000, stallMs: 300 });
    await done;

    expect(grants).toHaveLength(240);
    // Slots that passed during the stall are given up, not all spent at the moment it ends: 49 a
    // second, and at most one slot late, so never more than Teams' 50.
    expect(busiestSecond(grants.map((g) => g.at))).toBeLessThanOrEqual(50);
  });

  it('while the second instance joins, any 51 of their sends are let go over more than a second plus the time a send may take to reach Teams from a busy machine', async () => {
    const time = steppedTime();
    const joinedUntil = time.now() + JOINING_MS;
    const seen: LimiterGrant[] = [];
    const limiters = [await connect(), await connect()].map(
      (store) =>
        new SendRateLimiter({
          store: time.track(store),
          perSecond: 49,
          now: time.now,
          sleep: time.sleep,
          onGrant: (grant) => seen.push(grant),
        }),
    );
    const { grants, done } = sendAll(
      limiters,
      (instance, lane) => Array.from({ length: 15 }, (_, i) => `person-${instance}-${lane}-${i}`),
      8,
      time.now,
    );
    // Woken as late as allowed, all at once, a second in.
    const tolerance = lateToleranceMs(slotSpacingMicros(49, 2, true), 2, true);
    await time.runAll(100_000, { stallAt: time.now() + 1000, stallMs: tolerance });
    await done;

    expect(seen).toHaveLength(240);
    expect(Math.max(...seen.map((g) => lateness(g.at - g.heldMs, g.slot)))).toBeLessThanOrEqual(tolerance);
    // 50 slots 20.834 ms apart span 1,041.7 ms: beyond the 10.2 ms a send may wake late, it may take
    // 31.5 ms (the joining trip allowance) to reach Teams and no second there holds more than 50.
    const transit = (TEAMS_PER_SECOND * slotSpacingMicros(49, 2, true) - 1_000_000 - tolerance * 1000) / 1000;
    expect(transit).toBeGreaterThanOrEqual(TRIP_ALLOWANCE_MS.joining);
    const inSlot = seen
      .filter((g) => g.at < joinedUntil && g.heldMs === 0)
      .map((g) => Math.round(g.at * 1000));
    expect(busiestWithin(inSlot, Math.floor((1000 + transit) * 1000))).toBeLessThanOrEqual(TEAMS_PER_SECOND);
    // Once both know of each other, each holds its own to 25 in any second whatever the trip (see
    // twoInstancesSlowTrips): the room is then the one instance's.
    for (const instance of [0, 1])
      expect(
        busiestSecond(grants.filter((g) => g.instance === instance).map((g) => g.at)),
      ).toBeLessThanOrEqual(25);
  });

  it('an instance sending beside another holds fewer spare slots, so one that stalls leaves fewer empty; alone again after HOLDER_SILENT_MS, it holds SPARE_SLOTS', async () => {
    const time = steppedTime();
    const reservations = [0, 0];
    const stores = [await connect(), await connect()];
    const limiters = await Promise.all(
      [0, 1].map(async (instance) => {
        const store = time.track(stores[instance] as DocumentStore);
        const counting = new Proxy(store, {
          get(target, key, receiver) {
            const value: unknown = Reflect.get(target, key, receiver);
            if (typeof value !== 'function') return value;
            return async (...args: unknown[]) => {
              const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
              if ((key === 'replace' || key === 'create') && args[0] === 'jobs')
                reservations[instance] = (reservations[instance] ?? 0) + 1;
              return result;
            };
          },
        });
        return new SendRateLimiter({ store: counting, perSecond: 49, now: time.now, sleep: time.sleep });
      }),
    );
    const { grants, done } = sendAll(
      limiters,
      (instance) => Array.from({ length: 40 }, (_, i) => `person-${instance}-${i}`),
      1,
      time.now,
    );
    await time.runAll();
    await done;
    expect(grants).toHaveLength(80);
    // Alone, one reservation for every 1 + SPARE_SLOTS sends (10 for 40, as the test above shows).
    for (const made of reservations) expect(made).toBeGreaterThanOrEqual(40 / (1 + SPARE_SLOTS_SHARED) - 2);

    const [first] = limiters as [SendRateLimiter, SendRateLimiter];
    const later = time.sleep(HOLDER_SILENT_MS + 1).then(async () => {
      const before = reservations[0] as number;
      for (let i = 0; i < 8; i += 1) await first.take(`alone-${i}`);
      return (reservations[0] as number) - before;
    });
    await time.runAll();
    // The first reservation learns it is alone; from then on each holds SPARE_SLOTS spares.
    expect(await later).toBe(1 + Math.ceil((8 - (1 + SPARE_SLOTS_SHARED)) / (1 + SPARE_SLOTS)));
  });

  it('keeps each conversation to 5 a second, however much of the shared budget is free', async () => {
    const time = steppedTime();
    const limiters = [await connect(), await connect()].map(
      (store) =>
        new SendRateLimiter({ store: time.track(store), perSecond: 49, now: time.now, sleep: time.sleep }),
    );
    // Each instance has 12 messages for one busy chat (one after another, as deliverDue sends a
    // person's messages) and 10 for each of 3 other people.
    const { grants, done } = sendAll(
      limiters,
      (instance, lane) =>
        lane === 0
          ? Array.from({ length: 12 }, () => 'busy-chat')
          : Array.from({ length: 10 }, () => `person-${instance}-${lane}`),
      4,
      time.now,
    );
    await time.runAll();
    await done;

    expect(grants).toHaveLength(2 * (12 + 30));
    expect(busiestSecond(grants.map((g) => g.at))).toBeLessThanOrEqual(49);
    for (const instance of [0, 1])
      for (const conversation of ['busy-chat', ...[1, 2, 3].map((lane) => `person-${instance}-${lane}`)]) {
        const times = grants
          .filter((g) => g.instance === instance && g.conversation === conversation)
          .map((g) => g.at);
        expect({ conversation, busiest: busiestSecond(times) }).toEqual({ conversation, busiest: 5 });
      }
  });

  it('takes slots from the shared schedule once for every few sends, not once for each', async () => {
    const time = steppedTime();
    let reservations = 0;
    const store = time.track(await connect());
    const counting = new Proxy(store, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (key === 'read' && args[0] === 'jobs') reservations += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const limiter = new SendRateLimiter({ store: counting, perSecond: 49, now: time.now, sleep: time.sleep });
    // One sender, as a lane that sends to one person after another: before, every send read and
    // wrote the schedule.
    const { grants, done } = sendAll(
      [limiter],
      () => Array.from({ length: 40 }, (_, i) => `person-${i}`),
      1,
      time.now,
    );
    await time.runAll();
    await done;
    expect(grants).toHaveLength(40);
    expect(reservations).toBe(40 / (1 + SPARE_SLOTS));
  });

  it('lets a send go at once when nothing else is booked', async () => {
    const time = steppedTime();
    const limiter = new SendRateLimiter({
      store: time.track(await connect()),
      now: time.now,
      sleep: time.sleep,
    });
    const start = time.now();
    const taken = limiter.take('chat');
    await time.runAll();
    await taken;
    expect(time.now()).toBe(start);
  });

  it('forgets a conversation a second after its last send, so memory does not grow with everyone ever sent to', async () => {
    const time = steppedTime();
    const limiter = new SendRateLimiter({
      store: time.track(await connect()),
      perSecond: 50,
      now: time.now,
      sleep: time.sleep,
    });
    const { done } = sendAll(
      [limiter],
      (_, lane) => Array.from({ length: 50 }, (__, i) => `person-${lane}-${i}`),
      4,
      time.now,
    );
    await time.runAll();
    await done;
    expect(limiter.conversationsHeld).toBeGreaterThan(0);

    const later = time.sleep(2_000).then(() => limiter.take('someone-else'));
    await time.runAll();
    await later;
    expect(limiter.conversationsHeld).toBe(1);
  });

  it('gives out each slot once when two instances reserve at the same moment', async () => {
    const [a, b] = [await connect(), await connect()];
    const now = () => 1_800_000_000_000;
    const [first, second] = await Promise.all([
      reserveSendSlots(a, { count: 5, perSecond: 50, now }),
      reserveSendSlots(b, { count: 5, perSecond: 50, now }),
    ]);
    const all = [...first.slots, ...second.slots].sort((x, y) => x - y);
    const spacing = slotSpacingMicros(50, 1) / 1000;
    expect(all).toEqual(Array.from({ length: 10 }, (_, i) => now() + i * spacing));
  });

  it('when the other instance falls silent, the closer slots of one alone start late enough that any 50 still span what the wider slots before them were given', async () => {
    const store = await connect();
    const start = 1_800_000_000_000;
    let at = start;
    const now = () => at;
    // Each slot with the margin of the reservation that took it.
    const taken: Array<{ slot: number; margin: number }> = [];
    const reserve = async (instance: string, count: number) => {
      const reservation = await reserveSendSlots(store, { count, perSecond: 50, now, instance });
      const margin = marginMs(reservation.instances, reservation.joining);
      taken.push(...reservation.slots.map((slot) => ({ slot, margin })));
      return reservation;
    };
    // Both send for a while (`b` joining), then only `a` does: `b` drops out once silent for HOLDER_SILENT_MS.
    await reserve('b', 1);
    for (; at < start + HOLDER_SILENT_MS - 50; at += 200)
      expect((await reserve('a', 10)).spacingMicros).toBe(slotSpacingMicros(50, 2, true));
    at = start + HOLDER_SILENT_MS + 1;
    for (let i = 0; i < 6; i += 1, at += 200)
      expect((await reserve('a', 10)).spacingMicros).toBe(slotSpacingMicros(50, 1));

    taken.sort((x, y) => x.slot - y.slot);
    // Every 51 slots span at least 1,000 ms and the margin the first of them was taken with.
    for (let k = 0; k + 50 < taken.length; k += 1) {
      const { slot, margin } = taken[k] as { slot: number; margin: number };
      const span = (taken[k + 50] as { slot: number }).slot - slot;
      // Slots are kept in whole microseconds: compared to the microsecond.
      expect({ k, atLeast: Math.round(span * 1000) >= Math.round((1000 + margin) * 1000) }).toEqual({
        k,
        atLeast: true,
      });
    }
  });

  it('starts from now when the schedule is further ahead than any real demand (a clock that was wrong)', async () => {
    const store = await connect();
    const now = () => 1_800_000_000_000;
    const ahead = { id: SEND_SCHEDULE_ID, kind: SEND_SCHEDULE_ID };
    await store.upsert('jobs', { ...ahead, nextSlotMicros: (now() + 500) * 1000 });
    expect((await reserveSendSlots(store, { count: 2, perSecond: 50, now })).slots).toEqual([
      now() + 500,
      now() + 500 + slotSpacingMicros(50, 1) / 1000,
    ]);
    await store.upsert('jobs', { ...ahead, nextSlotMicros: (now() + MAX_SCHEDULE_AHEAD_MS + 1) * 1000 });
    expect((await reserveSendSlots(store, { count: 1, perSecond: 50, now })).slots).toEqual([now()]);
  });

  it('refuses a send while the store cannot be reached, and sends once it answers again', async () => {
    const store = await connect();
    let down = true;
    const flaky = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'read' && down)
          return () => Promise.reject(new StoreUnavailableError('the store did not answer'));
        const value: unknown = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const limiter = new SendRateLimiter({ store: flaky });
    await expect(limiter.take('chat')).rejects.toBeInstanceOf(StoreUnavailableError);
    down = false;
    await expect(limiter.take('chat')).resolves.toHaveProperty('answered');
  });
});
