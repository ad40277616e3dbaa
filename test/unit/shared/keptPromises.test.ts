import { keepPromises } from '../../../src/shared/keptPromises';

describe('keepPromises', () => {
  it('makes a key’s value once and gives the same one to every later caller with that key', async () => {
    const kept = keepPromises<{ made: string }>(10);
    const made: string[] = [];
    const make = (key: string) => () => {
      made.push(key);
      return Promise.resolve({ made: key });
    };
    const first = await kept('north', make('north'));
    const again = await kept('north', make('north'));
    const other = await kept('south', make('south'));
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(other.made).toBe('south');
    expect(made).toEqual(['north', 'south']);
  });

  it('gives callers who ask while the value is being made the same value, made once', async () => {
    const kept = keepPromises<object>(10);
    let makings = 0;
    const make = () => {
      makings += 1;
      return new Promise<object>((resolve) => setImmediate(() => resolve({})));
    };
    const [a, b] = await Promise.all([kept('k', make), kept('k', make)]);
    expect(a).toBe(b);
    expect(makings).toBe(1);
  });

  it('does not keep a making that failed, so the next caller makes it afresh', async () => {
    const kept = keepPromises<string>(10);
    await expect(kept('k', () => Promise.reject(new Error('no credentials')))).rejects.toThrow(
      'no credentials',
    );
    await expect(
      kept('k', () => {
        throw new Error('thrown while making');
      }),
    ).rejects.toThrow('thrown while making');
    await expect(kept('k', () => Promise.resolve('made'))).resolves.toBe('made');
    await expect(kept('k', () => Promise.resolve('not made again'))).resolves.toBe('made');
  });

  it('keeps at most the number of keys it was given, letting the first kept go first', async () => {
    const kept = keepPromises<string>(2);
    await kept('a', () => Promise.resolve('a1'));
    await kept('b', () => Promise.resolve('b1'));
    await kept('c', () => Promise.resolve('c1'));
    await expect(kept('b', () => Promise.resolve('b2'))).resolves.toBe('b1');
    await expect(kept('c', () => Promise.resolve('c2'))).resolves.toBe('c1');
    await expect(kept('a', () => Promise.resolve('a2'))).resolves.toBe('a2');
  });
});
