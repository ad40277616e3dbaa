import { AnsweredWindow, type SendPermit } from '../../../src/app/sending/answeredWindow';
import { TEAMS_PER_SECOND } from '../../../src/app/sending/reserveSendSlots';
import { LOOSEN_AFTER_MS, windowLimit, WindowShare } from '../../../src/app/sending/windowShare';
import { steppedTime, type SteppedTime } from '../../support/steppedTime';

const START = 1_800_000_000_000;

/** Waits, on the test's clock, until `window` lets one more request go, and lets it. */
async function letThrough(window: AnsweredWindow, time: SteppedTime): Promise<SendPermit> {
  for (let wait = window.blocker(); wait !== undefined; wait = window.blocker())
    await (typeof wait === 'number' ? time.sleep(wait - time.now()) : wait);
  return window.let();
}

/** When the next request goes, on the test's clock, once everything sleeping has run. */
async function nextGoesAt(window: AnsweredWindow, time: SteppedTime): Promise<number> {
  let wentAt = NaN;
  const next = letThrough(window, time).then(() => (wentAt = time.now()));
  await time.runAll();
  await next;
  return wentAt;
}

/** Runs `then` once the test's clock has moved `ms` on. */
async function after(time: SteppedTime, ms: number, then: () => void): Promise<void> {
  const done = time.sleep(ms).then(then);
  await time.runAll();
  await done;
}

function sharedWindow(time: SteppedTime): { window: AnsweredWindow; share: WindowShare } {
  const window = new AnsweredWindow(time.now, TEAMS_PER_SECOND);
  return { window, share: new WindowShare(window, time.now) };
}

describe("WindowShare: each instance's part of Teams' 50, from the instances sending", () => {
  it.each([
    [1, 50],
    [2, 25],
    [3, 16],
  ])(
    'with %i instance(s) sending, %i requests go at once and the next a second after the first is answered',
    async (instances, limit) => {
      expect(windowLimit(instances)).toBe(limit);
      const time = steppedTime(START);
      const { window, share } = sharedWindow(time);
      share.heard(instances);
      const permits: SendPermit[] = [];
      for (let i = 0; i < limit; i += 1) permits.push(await letThrough(window, time));
      expect(time.now()).toBe(START);
      expect(window.blocker()).toBeInstanceOf(Promise);

      void time.sleep(40).then(() => permits.forEach((permit) => permit.answered()));
      expect(await nextGoesAt(window, time)).toBe(START + 40 + 1000);
      // Together, k instances at floor(50 / k) each never make 51 in a second.
      expect(instances * limit).toBeLessThanOrEqual(TEAMS_PER_SECOND);
    },
  );

  it('hearing of a second instance holds the very next request to 25, counting back over the requests already let, answered or not', async () => {
    const time = steppedTime(START);
    const { window, share } = sharedWindow(time);
    // 30 let under the limit of one instance alone: the first 5 answered at 100 ms, the rest still on their way.
    const permits: SendPermit[] = [];
    for (let i = 0; i < 30; i += 1) permits.push(await letThrough(window, time));
    expect(window.blocker()).toBeUndefined();
    await after(time, 100, () => permits.slice(0, 5).forEach((permit) => permit.answered()));

    share.heard(2);
    // The next is the 31st: 25 places after the 6th, which has not been answered yet.
    expect(window.blocker()).toBeInstanceOf(Promise);
    void time.sleep(200).then(() => permits[5]?.answered());
    expect(await nextGoesAt(window, time)).toBe(START + 100 + 200 + 1000);
  });

  it('hearing of a second instance while requests are held: a sender already waiting is held to the new limit', async () => {
    const time = steppedTime(START);
    const { window, share } = sharedWindow(time);
    const permits: SendPermit[] = [];
    for (let i = 0; i < 50; i += 1) permits.push(await letThrough(window, time));
    // All answered at 10 ms: the 51st may go at 1,010 ms while one instance sends.
    void time.sleep(10).then(() => permits.forEach((permit) => permit.answered()));
    let wentAt = NaN;
    const waiting = letThrough(window, time).then(() => (wentAt = time.now()));
    // A second instance is heard of at 500 ms, while the 51st waits: it is now 26 places after the 26th.
    void time.sleep(500).then(() => share.heard(2));
    await time.runAll();
    await waiting;
    expect(wentAt).toBe(START + 10 + 1000);
    // The 52nd to the 75th go at once too (25 places after the 27th to the 50th, answered at 10
    // ms), where one instance alone could let 50 go; the 76th waits for the 51st's answer.
    for (let i = 0; i < 24; i += 1) await letThrough(window, time);
    expect(time.now()).toBe(START + 10 + 1000);
    expect(window.blocker()).toBeInstanceOf(Promise);
  });

  it('hearing that the other instance stopped loosens only after LOOSEN_AFTER_MS of hearing so, and a count that goes up again meanwhile keeps it tight', async () => {
    const time = steppedTime(START);
    const { window, share } = sharedWindow(time);
    share.heard(2);
    expect(window.currentLimit).toBe(25);

    share.heard(1);
    expect(window.currentLimit).toBe(25);
    await after(time, LOOSEN_AFTER_MS - 1, () => share.heard(1));
    expect(window.currentLimit).toBe(25);
    // Two again: the time heard alone starts over.
    share.heard(2);
    await after(time, 1, () => share.heard(1));
    await after(time, LOOSEN_AFTER_MS - 1, () => share.heard(1));
    expect(window.currentLimit).toBe(25);
    await after(time, 1, () => share.heard(1));
    expect(window.currentLimit).toBe(50);
    // Tighter is at once.
    share.heard(3);
    expect(window.currentLimit).toBe(16);
  });
});
