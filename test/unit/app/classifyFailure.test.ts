import { classifyFailure } from '../../../src/teams/teamsDeliverer';

/** An error shaped like the Bot Framework client's RestError. */
function restError(statusCode: number, retryAfter?: string): Error {
  return Object.assign(new Error('failed'), {
    name: 'RestError',
    statusCode,
    response: { headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) } },
  });
}

describe('classifyFailure', () => {
  const now = Date.parse('2025-03-03T09:00:00Z');

  it.each([403, 404])('treats %i as a person who can no longer be reached', (status) => {
    expect(classifyFailure(restError(status), now)).toEqual({ status: 'unreachable' });
  });

  it.each([
    ['seconds', '7', 7000],
    ['fractional seconds', '1.5', 1500],
    ['an HTTP date', 'Mon, 03 Mar 2025 09:00:30 GMT', 30_000],
    ['a date already past', 'Mon, 03 Mar 2025 08:00:00 GMT', 1],
    ['nothing', undefined, 2000],
    ['garbage', 'soon', 2000],
  ])('waits as a 429 says, given %s', (_label, header, wait) => {
    expect(classifyFailure(restError(429, header), now)).toEqual({
      status: 'retry',
      error: 'throttled',
      retryAfterMs: wait,
    });
  });

  it('retries anything else later', () => {
    expect(classifyFailure(restError(500), now)).toEqual({ status: 'retry', error: 'RestError' });
    expect(classifyFailure(new TypeError('fetch failed'), now)).toEqual({
      status: 'retry',
      error: 'TypeError',
    });
  });
});
