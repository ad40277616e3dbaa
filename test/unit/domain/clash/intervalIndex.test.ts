import fc from 'fast-check';
import {
  buildIntervalIndex,
  countStartingIn,
  findOverlapping,
} from '../../../../src/domain/clash/intervalIndex';
import { overlaps, type Interval } from '../../../../src/domain/time/intervals';

const interval = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 }))
  .map(([start, length]): Interval => ({ start, end: start + length }));

describe('interval index', () => {
  it('finds exactly what a full scan finds, in start order', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 50 }), interval, (items, window) => {
        const index = buildIntervalIndex(items);
        const expected = index.items.filter((item) => overlaps(item, window));
        expect(findOverlapping(index, window)).toEqual(expected);
      }),
    );
  });

  it('counts the items starting in a window', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 50 }), interval, (items, window) => {
        const index = buildIntervalIndex(items);
        const expected = index.items.filter((i) => i.start >= window.start && i.start < window.end).length;
        expect(countStartingIn(index, window)).toBe(expected);
      }),
    );
  });

  it('finds a long entry far behind many short ones', () => {
    const leave = { start: 0, end: 1000 };
    const shorts = Array.from({ length: 20 }, (_, i) => ({ start: 10 + i * 10, end: 15 + i * 10 }));
    expect(findOverlapping(buildIntervalIndex([...shorts, leave]), { start: 500, end: 501 })).toEqual([
      leave,
    ]);
  });
});
