import { createKeyedQueue } from '../../../src/shared/keyedQueue';

/** A promise the test settles by hand. */
function gate() {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('createKeyedQueue', () => {
  it('runs one key’s work one at a time, in order, and other keys alongside', async () => {
    const run = createKeyedQueue();
    const events: string[] = [];
    const first = gate();
    const a1 = run('alex', async () => {
      events.push('alex 1 starts');
      await first.opened;
      events.push('alex 1 ends');
    });
    const a2 = run('alex', async () => void events.push('alex 2 runs'));
    const m1 = run('megan', async () => void events.push('megan runs'));
    await m1;
    expect(events).toEqual(['alex 1 starts', 'megan runs']);
    first.open();
    await Promise.all([a1, a2]);
    expect(events).toEqual(['alex 1 starts', 'megan runs', 'alex 1 ends', 'alex 2 runs']);
  });

  it('goes on with the next turn when one fails, and passes the failure to its caller', async () => {
    const run = createKeyedQueue();
    const failed = run('alex', async () => {
      throw new Error('store down');
    });
    const next = run('alex', async () => 'answered');
    await expect(failed).rejects.toThrow('store down');
    await expect(next).resolves.toBe('answered');
  });
});
