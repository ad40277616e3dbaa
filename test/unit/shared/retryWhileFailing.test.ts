import { retryWhileFailing } from '../../../src/shared/retryWhileFailing';

/** Work that fails `times` times, then resolves how many runs it took. */
function failing(times: number) {
  let runs = 0;
  return async () => {
    runs += 1;
    if (runs <= times) throw new Error(`failure ${runs}`);
    return runs;
  };
}

describe('retryWhileFailing', () => {
  const waited: number[] = [];
  const sleep = async (ms: number) => void waited.push(ms);
  beforeEach(() => (waited.length = 0));

  it('runs the work once when it succeeds, without waiting', async () => {
    expect(await retryWhileFailing(failing(0), [10, 20], sleep)).toBe(1);
    expect(waited).toEqual([]);
  });

  it('waits each delay in turn before running the work again', async () => {
    expect(await retryWhileFailing(failing(2), [10, 20, 40], sleep)).toBe(3);
    expect(waited).toEqual([10, 20]);
  });

  it('rejects with the last failure once every delay is spent', async () => {
    await expect(retryWhileFailing(failing(3), [10, 20], sleep)).rejects.toThrow('failure 3');
    expect(waited).toEqual([10, 20]);
  });
});
