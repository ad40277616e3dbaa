import { mapWithConcurrency } from '../../../src/shared/mapWithConcurrency';

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every already-settled promise's callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('mapWithConcurrency', () => {
  it('keeps results in input order whatever order the work finishes in', async () => {
    const gates = [0, 1, 2, 3, 4].map(() => deferred<void>());
    const running = mapWithConcurrency([0, 1, 2, 3, 4], 5, async (n) => {
      await gates[n]?.promise;
      return n * 10;
    });
    for (const n of [4, 2, 0, 3, 1]) gates[n]?.resolve();
    await expect(running).resolves.toEqual([0, 10, 20, 30, 40]);
  });

  it('never has more than the limit in flight, and starts the next as one finishes', async () => {
    const gates = Array.from({ length: 6 }, () => deferred<void>());
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    const running = mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (n, index) => {
      expect(index).toBe(n);
      started.push(n);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await gates[n]?.promise;
      inFlight -= 1;
      return n;
    });
    await settle();
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    await expect(running).resolves.toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('starts nothing new after a failure, lets the work under way finish, then throws the first failure', async () => {
    const slow = deferred<void>();
    const started: number[] = [];
    let slowFinished = false;
    const running = mapWithConcurrency([0, 1, 2, 3], 2, async (n) => {
      started.push(n);
      if (n === 0) {
        await slow.promise;
        slowFinished = true;
        return n;
      }
      throw new Error(`failed ${n}`);
    });
    let outcome: unknown;
    running.catch((error: unknown) => (outcome = error));
    await settle();
    expect(started).toEqual([0, 1]);
    expect(outcome).toBeUndefined();
    slow.resolve();
    await expect(running).rejects.toThrow('failed 1');
    expect(slowFinished).toBe(true);
    expect(started).toEqual([0, 1]);
  });

  it.each([
    ['no items', [], 3],
    ['a limit of 0 (treated as 1)', [1, 2], 0],
    ['a limit above the count', [1, 2], 50],
    ['a fractional limit', [1, 2, 3], 1.5],
  ])('copes with %s', async (_name, items, limit) => {
    await expect(mapWithConcurrency(items, limit, async (n) => n + 1)).resolves.toEqual(
      items.map((n) => n + 1),
    );
  });
});
