import { MAX_RETRY_AFTER_MS, readRetryAfter } from '../../../src/shared/readRetryAfter';

describe('readRetryAfter', () => {
  const now = Date.parse('2026-10-21T07:28:00Z');

  it.each([
    ['whole seconds', '120', 120_000],
    ['zero', '0', 0],
    ['fractional seconds', '1.5', 1500],
    ['spaces around', '  7 ', 7000],
    ['an HTTP date', 'Wed, 21 Oct 2026 07:28:30 GMT', 30_000],
    ['an HTTP date now', 'Wed, 21 Oct 2026 07:28:00 GMT', 0],
    ['an HTTP date already past', 'Wed, 21 Oct 2026 06:00:00 GMT', 0],
    ['seconds beyond the bound', '999999999999', MAX_RETRY_AFTER_MS],
    ['a date beyond the bound', 'Fri, 21 Oct 2039 07:28:00 GMT', MAX_RETRY_AFTER_MS],
  ])('reads %s', (_name, header, wait) => {
    expect(readRetryAfter(header, now)).toBe(wait);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['empty', ''],
    ['negative seconds', '-3'],
    ['a word', 'soon'],
    ['a number with a unit', '10s'],
    ['an ISO date', '2026-10-21T07:29:00Z'],
    ['a date that does not exist', 'Wed, 45 Oct 2026 07:28:00 GMT'],
  ])('gives undefined for %s, for the caller to back off its own way', (_name, header) => {
    expect(readRetryAfter(header, now)).toBeUndefined();
  });

  it('takes a caller bound', () => {
    expect(readRetryAfter('120', now, 10_000)).toBe(10_000);
    expect(readRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', now, 10_000)).toBe(5000);
  });
});
