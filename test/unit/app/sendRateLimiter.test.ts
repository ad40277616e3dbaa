import { SendRateLimiter } from '../../../src/teams/sendRateLimiter';

/** A clock and sleep the test drives: sleepers wake, earliest first, as time is moved on. */
function fakeTime() {
  let now = 1_000_000;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ at: now + ms, wake })),
    /** Lets every waiting take() run; then wakes the earliest sleeper. False when none is left. */
    async step(): Promise<boolean> {
      await new Promise((r) => setImmediate(r));
      sleepers.sort((a, b) => a.at - b.at);
      const next = sleepers.shift();
      if (!next) return false;
      now = Math.max(now, next.at);
      next.wake();
      return true;
    },
  };
}

/** The largest number of grants in any one-second window [t, t + 1000). */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] as number) - (sorted[j] as number) >= 1000) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('SendRateLimiter', () => {
  it('never lets more than 5 a second into one conversation nor 40 a second overall, and drops none', async () => {
    const time = fakeTime();
    const limiter = new SendRateLimiter(40, 5, time.now, time.sleep);
    const granted: Array<{ conversation: string; at: number }> = [];
    // 30 messages to each of 2 busy chats, and one each to 100 other people, all at once.
    const conversations = [
      ...Array.from({ length: 30 }, () => ['busy-1', 'busy-2']).flat(),
      ...Array.from({ length: 100 }, (_, i) => `person-${i}`),
    ];
    const all = Promise.all(
      conversations.map((c) => limiter.take(c).then(() => granted.push({ conversation: c, at: time.now() }))),
    );
    for (let steps = 0; steps < 10_000 && (await time.step()); steps += 1);
    await all;

    expect(granted).toHaveLength(conversations.length);
    expect(busiestSecond(granted.map((g) => g.at))).toBe(40);
    for (const busy of ['busy-1', 'busy-2']) {
      expect(busiestSecond(granted.filter((g) => g.conversation === busy).map((g) => g.at))).toBe(5);
    }
    // 30 to one chat at 5 a second take six seconds, no longer.
    const busyTimes = granted.filter((g) => g.conversation === 'busy-1').map((g) => g.at);
    expect(Math.max(...busyTimes) - Math.min(...busyTimes)).toBeLessThan(6000);
  });

  it('sends at once while under the limits', async () => {
    const time = fakeTime();
    const limiter = new SendRateLimiter(40, 5, time.now, time.sleep);
    const start = time.now();
    for (let i = 0; i < 5; i += 1) await limiter.take('chat');
    expect(time.now()).toBe(start);
  });
});
