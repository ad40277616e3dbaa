import { watchGcPauses } from '../../../bench/support/gcPauses';

/** Enough short-lived objects, each kept for a while, to fill the young generation several times over. */
function allocateGarbage(): number {
  let made = 0;
  let kept: Array<{ i: number; text: string }> = [];
  for (let i = 0; i < 2_000_000; i += 1) {
    kept.push({ i, text: `item ${i}` });
    made += 1;
    if (kept.length > 1_000) kept = [];
  }
  return made;
}

describe('garbage collector pauses of a benchmark cell', () => {
  it('counts the collections made while watched, the longest within the sum', async () => {
    const watch = watchGcPauses();
    expect(allocateGarbage()).toBe(2_000_000);
    const pauses = await watch.stop();
    expect(pauses.count).toBeGreaterThan(0);
    expect(pauses.maxMs).toBeGreaterThan(0);
    expect(pauses.maxMs).toBeLessThanOrEqual(pauses.totalMs);
    expect(pauses.maxFullMs).toBeLessThanOrEqual(pauses.maxMs);
  });

  it('counts nothing after it is stopped', async () => {
    const watch = watchGcPauses();
    const pauses = await watch.stop();
    const before = { ...pauses };
    allocateGarbage();
    await new Promise((resolve) => setImmediate(resolve));
    expect(pauses).toEqual(before);
  });
});
