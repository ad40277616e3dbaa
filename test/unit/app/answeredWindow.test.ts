import { AnsweredWindow, sendInWindow, type SendPermit } from '../../../src/app/sending/answeredWindow';
import { busiestSecond, steppedTime, type SteppedTime } from '../../support/steppedTime';
import { seededRandom } from '../../support/seededRandom';

const START = 1_800_000_000_000;

/** Waits, on the test's clock, until `window` lets one more request go, and lets it. */
async function letThrough(window: AnsweredWindow, time: SteppedTime): Promise<SendPermit> {
  for (let wait = window.blocker(); wait !== undefined; wait = window.blocker())
    await (typeof wait === 'number' ? time.sleep(wait - time.now()) : wait);
  return window.let();
}

describe('AnsweredWindow: never 51 requests read within one second, however long they travel', () => {
  it('lets 50 go at once, and the 51st a second after the answer to the first', async () => {
    const time = steppedTime(START);
    const window = new AnsweredWindow(time.now, 50);
    const permits: SendPermit[] = [];
    for (let i = 0; i < 50; i += 1) permits.push(await letThrough(window, time));
    expect(window.blocker()).toBeInstanceOf(Promise);

    let lastWentAt: number | undefined;
    const last = letThrough(window, time).then(() => (lastWentAt = time.now()));
    // Answered 30 ms late: read by then at the latest, so the 51st may be read from 1,030 ms on.
    void time.sleep(30).then(() => permits[0]?.answered());
    // The others answered at once, when they went.
    for (const permit of permits.slice(1)) permit.answered();
    await time.runAll();
    await last;

    expect(lastWentAt).toBe(START + 30 + 1000);
  });

  it('holds the request 50 places after one still unanswered until a second after its answer', async () => {
    const time = steppedTime(START);
    const window = new AnsweredWindow(time.now, 50);
    const first = await letThrough(window, time);
    for (let i = 1; i < 50; i += 1) (await letThrough(window, time)).answered();

    let wentAt: number | undefined;
    const next = letThrough(window, time).then(() => (wentAt = time.now()));
    const answeredLate = time.sleep(5_000).then(() => first.answered());
    await time.runAll();
    await Promise.all([next, answeredLate]);

    expect(wentAt).toBe(START + 5_000 + 1000);
  });

  it('an answer noted twice counts from the first time', async () => {
    const time = steppedTime(START);
    const window = new AnsweredWindow(time.now, 2);
    const first = window.let();
    window.let().answered();
    first.answered();
    let blocked: ReturnType<AnsweredWindow['blocker']>;
    const again = time.sleep(400).then(() => {
      first.answered();
      blocked = window.blocker();
    });
    await time.runAll();
    await again;

    expect(blocked).toBe(START + 1000);
  });

  it('sendInWindow notes the answer when the request fails too', async () => {
    const time = steppedTime(START);
    const window = new AnsweredWindow(time.now, 1);
    const take = () => Promise.resolve(window.let());
    await expect(sendInWindow(take, 'chat', () => Promise.reject(new Error('429')))).rejects.toThrow('429');

    expect(window.blocker()).toBe(START + 1000);
  });

  it('with trips of 0 to 300 ms, read anywhere before the answer, 600 requests every 20 ms never put 51 in a second', async () => {
    const time = steppedTime(START);
    const window = new AnsweredWindow(time.now, 50);
    const random = seededRandom(15);
    const reads: number[] = [];
    const requests = Array.from({ length: 600 }, async (_, i) => {
      await time.sleep(i * 20);
      const permit = await letThrough(window, time);
      // Mostly quick, now and then very slow: where in the trip the connector reads it is drawn too.
      const trip = random() < 0.1 ? 300 * random() : 5 * random();
      reads.push(time.now() + trip * random());
      await time.sleep(trip);
      permit.answered();
    });
    await time.runAll();
    await Promise.all(requests);

    expect(reads).toHaveLength(600);
    expect(busiestSecond(reads)).toBeLessThanOrEqual(50);
    // The schedule alone (every 20 ms) would have put 51 in a second with these trips.
    const unpaced = seededRandom(15);
    const scheduledReads = Array.from({ length: 600 }, (_, i) => {
      const trip = unpaced() < 0.1 ? 300 * unpaced() : 5 * unpaced();
      return START + i * 20 + trip * unpaced();
    });
    expect(busiestSecond(scheduledReads)).toBeGreaterThan(50);
  });
});
