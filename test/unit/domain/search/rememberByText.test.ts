import { rememberByText } from '../../../../src/domain/search/rememberByText';

/** A function of text that counts how often it was really worked out, per text. */
function countedWork() {
  const calls = new Map<string, number>();
  const work = (text: string) => {
    calls.set(text, (calls.get(text) ?? 0) + 1);
    return { words: text.split(' ') };
  };
  return { work, calls };
}

describe('rememberByText', () => {
  it('works a text out once and gives every later caller the same result', () => {
    const { work, calls } = countedWork();
    const remembered = rememberByText(10, 100, work);
    const first = remembered('discharge team');
    expect(remembered('discharge team')).toBe(first);
    expect(first).toEqual({ words: ['discharge', 'team'] });
    expect(calls.get('discharge team')).toBe(1);
  });

  it('keeps no more texts than its limit, forgetting the least recently used first', () => {
    const { work, calls } = countedWork();
    const remembered = rememberByText(3, 100, work);
    for (const text of ['a', 'b', 'c']) remembered(text);
    remembered('a'); // used again: now 'b' is the least recently used
    remembered('d');
    expect(remembered.size).toBe(3);
    remembered('a');
    remembered('c');
    remembered('d');
    expect([calls.get('a'), calls.get('c'), calls.get('d')]).toEqual([1, 1, 1]);
    remembered('b');
    expect(calls.get('b')).toBe(2);
    expect(remembered.size).toBe(3);
  });

  it('stays within its limit however many different texts it is given', () => {
    const remembered = rememberByText(50, 100, (text) => text.length);
    for (let i = 0; i < 1_000; i += 1) remembered(`text ${i}`);
    expect(remembered.size).toBe(50);
  });

  it('works out texts longer than it keeps every time, without keeping them', () => {
    const { work, calls } = countedWork();
    const remembered = rememberByText(10, 5, work);
    const long = 'a long description';
    expect(remembered(long)).toEqual(work(long));
    remembered(long);
    expect(calls.get(long)).toBe(3);
    expect(remembered.size).toBe(0);
  });

  it('remembers a result that is undefined as well as any other', () => {
    let calls = 0;
    const remembered = rememberByText(10, 100, () => {
      calls += 1;
      return undefined;
    });
    remembered('x');
    remembered('x');
    expect(calls).toBe(1);
  });
});
