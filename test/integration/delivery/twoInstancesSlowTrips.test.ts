import { JOINING_MS } from '../../../src/app/sending/reserveSendSlots';
import { SendRateLimiter } from '../../../src/app/sending/sendRateLimiter';
import type { DocumentStore } from '../../../src/store/documentStore';
import { SHARED_STORE_SUBJECTS } from '../../support/sharedStores';
import { busiestSecond, steppedTime, type SteppedTime } from '../../support/steppedTime';
import { seededRandom } from '../../support/seededRandom';

const LANES = 8;
const PER_LANE = 40;

/**
 * Each instance sends through LANES senders at once (as deliverDue does), from `startsAt` ms on.
 * Each request let from `slowFrom` on is mostly quick and now and then very slow to reach the
 * connector and be answered; where in its trip the connector reads it is drawn too. Those let
 * before are quick (up to 5 ms).
 */
function sendThroughSlowTrips(
  limiters: readonly SendRateLimiter[],
  startsAt: readonly number[],
  slowFrom: number,
  time: SteppedTime,
): { reads: number[]; done: Promise<unknown> } {
  const random = seededRandom(15);
  const reads: number[] = [];
  const lanes = limiters.flatMap((limiter, instance) =>
    Array.from({ length: LANES }, async (_, lane) => {
      await time.sleep(startsAt[instance] ?? 0);
      for (let i = 0; i < PER_LANE; i += 1) {
        const permit = await limiter.take(`person-${instance}-${lane}-${i}`);
        const slow = time.now() >= slowFrom && random() < 0.1;
        const trip = slow ? 300 * random() : 5 * random();
        reads.push(time.now() + trip * random());
        await time.sleep(trip);
        permit.answered();
      }
    }),
  );
  return { reads, done: Promise.all(lanes) };
}

/**
 * Two instances share the schedule; each also holds its own requests to 25 in any second from
 * their answers, so the connector never reads 51 in a second however long the trips. Before, each
 * held its own to 50, and the two together rested on the slots' room for a slow trip alone (51
 * and 52 read in a second here, on the same trips).
 *
 * While the second joins, the first may still let a few requests go under its old limit of 50
 * (see WindowShare): those rest on the wider room the schedule keeps for JOINING_MS, as all
 * requests of two instances did before, so the trips stay within it until then.
 */
describe.each(SHARED_STORE_SUBJECTS)('two instances and trips of up to 300 ms: $name', (subject) => {
  let connect: () => Promise<DocumentStore>;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ connect, cleanup } = await subject.open());
  });
  afterEach(async () => {
    await cleanup();
  });

  it.each([
    ['both start at once', 0],
    ['the second starts while the first sends at full pace', 2_500],
  ])('never 51 read in a second: %s', async (_, secondStartsAt) => {
    const time = steppedTime();
    const start = time.now();
    const limiters = [await connect(), await connect()].map(
      (store) => new SendRateLimiter({ store: time.track(store), now: time.now, sleep: time.sleep }),
    );
    const slowFrom = start + secondStartsAt + JOINING_MS;
    const { reads, done } = sendThroughSlowTrips(limiters, [0, secondStartsAt], slowFrom, time);
    await time.runAll();
    await done;

    expect(reads).toHaveLength(2 * LANES * PER_LANE);
    expect(busiestSecond(reads)).toBeLessThanOrEqual(50);
    // Most were read after the trips grew long.
    expect(reads.filter((at) => at >= slowFrom).length).toBeGreaterThan(reads.length / 2);
  });
});
