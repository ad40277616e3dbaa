import fc from 'fast-check';
import {
  containsInstant,
  containsInterval,
  coveredMs,
  durationMs,
  gapBetween,
  intersect,
  mergeOverlapping,
  overlaps,
  subtract,
  subtractAll,
  type Interval,
} from '../../../../src/domain/time/intervals';

const iv = (start: number, end: number): Interval => ({ start, end });

describe('overlaps (half-open)', () => {
  it.each([
    ['identical', iv(0, 10), iv(0, 10), true],
    ['one inside the other', iv(0, 10), iv(3, 4), true],
    ['sharing one unit', iv(0, 10), iv(9, 20), true],
    ['touching: a ends where b starts', iv(0, 10), iv(10, 20), false],
    ['touching: b ends where a starts', iv(10, 20), iv(0, 10), false],
    ['apart', iv(0, 10), iv(11, 20), false],
    ['empty inside a non-empty one', iv(5, 5), iv(0, 10), false],
    ['reversed (empty) interval', iv(10, 0), iv(0, 10), false],
  ])('%s', (_name, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe('intersect, subtract, merge, gap: examples', () => {
  it('intersects partly overlapping intervals and returns null for touching ones', () => {
    expect(intersect(iv(0, 10), iv(5, 20))).toEqual(iv(5, 10));
    expect(intersect(iv(0, 10), iv(10, 20))).toBeNull();
  });

  it.each([
    ['b in the middle leaves two pieces', iv(0, 10), iv(3, 5), [iv(0, 3), iv(5, 10)]],
    ['b over the start leaves the tail', iv(0, 10), iv(-5, 4), [iv(4, 10)]],
    ['b over the end leaves the head', iv(0, 10), iv(6, 15), [iv(0, 6)]],
    ['b covering a leaves nothing', iv(0, 10), iv(0, 10), []],
    ['touching b leaves a whole', iv(0, 10), iv(10, 12), [iv(0, 10)]],
  ])('subtract: %s', (_name, a, b, expected) => {
    expect(subtract(a, b)).toEqual(expected);
  });

  it('subtracts several intervals in turn', () => {
    expect(subtractAll(iv(0, 100), [iv(10, 20), iv(50, 60), iv(90, 120)])).toEqual([
      iv(0, 10),
      iv(20, 50),
      iv(60, 90),
    ]);
  });

  it('merges overlapping and touching ranges, drops empty ones, and sorts', () => {
    expect(mergeOverlapping([iv(20, 30), iv(0, 5), iv(5, 8), iv(25, 40), iv(50, 50), iv(9, 10)])).toEqual([
      iv(0, 8),
      iv(9, 10),
      iv(20, 40),
    ]);
  });

  it('gives the gap between disjoint intervals in either order, and none for touching ones', () => {
    expect(gapBetween(iv(0, 10), iv(15, 20))).toEqual(iv(10, 15));
    expect(gapBetween(iv(15, 20), iv(0, 10))).toEqual(iv(10, 15));
    expect(gapBetween(iv(0, 10), iv(10, 20))).toBeNull();
    expect(gapBetween(iv(0, 10), iv(5, 20))).toBeNull();
  });

  it('counts shared time once', () => {
    expect(coveredMs([iv(0, 10), iv(5, 15), iv(20, 25)])).toBe(20);
  });
});

describe('interval laws (property tests)', () => {
  const interval = fc
    .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }))
    .map(([a, b]) => iv(Math.min(a, b), Math.max(a, b)));
  const point = fc.integer({ min: -60, max: 60 });
  const inAny = (ranges: Interval[], p: number) => ranges.some((r) => containsInstant(r, p));

  it('intersect holds exactly the points in both, and is commutative', () => {
    fc.assert(
      fc.property(interval, interval, point, (a, b, p) => {
        const both = intersect(a, b);
        expect(both ? containsInstant(both, p) : false).toBe(containsInstant(a, p) && containsInstant(b, p));
        expect(intersect(b, a)).toEqual(both);
        expect(both !== null).toBe(overlaps(a, b));
      }),
    );
  });

  it('subtract holds exactly the points in a and not in b, in disjoint ordered pieces inside a', () => {
    fc.assert(
      fc.property(interval, interval, point, (a, b, p) => {
        const rest = subtract(a, b);
        expect(inAny(rest, p)).toBe(containsInstant(a, p) && !containsInstant(b, p));
        rest.forEach((piece) => {
          expect(containsInterval(a, piece)).toBe(true);
          expect(overlaps(piece, b)).toBe(false);
          expect(durationMs(piece)).toBeGreaterThan(0);
        });
        expect(rest).toEqual(mergeOverlapping(rest));
      }),
    );
  });

  it('a splits into a minus b plus a intersect b, with no time lost or gained', () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        const both = intersect(a, b);
        const total =
          subtract(a, b).reduce((sum, r) => sum + durationMs(r), 0) + (both ? durationMs(both) : 0);
        expect(total).toBe(durationMs(a));
      }),
    );
  });

  it('merge keeps the same points in sorted, separated intervals', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 8 }), point, (ranges, p) => {
        const merged = mergeOverlapping(ranges);
        expect(inAny(merged, p)).toBe(inAny(ranges, p));
        merged.slice(1).forEach((r, i) => expect(r.start).toBeGreaterThan((merged[i] as Interval).end));
      }),
    );
  });
});
