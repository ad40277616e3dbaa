import { classifyFailure } from '../../../src/teams/classifyFailure';
import { ConnectorSendError } from '../../../src/teams/connectorHttpClient';

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

  it.each([403, 404])('treats %i as a person who can no longer be reached, keeping the status', (status) => {
    expect(classifyFailure(restError(status), now)).toEqual({ status: 'unreachable', httpStatus: status });
    expect(classifyFailure(new ConnectorSendError('x', { statusCode: status }), now)).toEqual({
      status: 'unreachable',
      httpStatus: status,
    });
  });

  it.each([
    ['seconds', '7', 7000],
    ['fractional seconds', '1.5', 1500],
    ['an HTTP date', 'Mon, 03 Mar 2025 09:00:30 GMT', 30_000],
    ['a date already past', 'Mon, 03 Mar 2025 08:00:00 GMT', 1],
  ])('waits as a 429 or 503 says, given %s', (_label, header, wait) => {
    for (const status of [429, 503]) {
      expect(classifyFailure(restError(status, header), now)).toEqual({
        status: 'retry',
        error: `HTTP ${status}`,
        httpStatus: status,
        retryAfterMs: wait,
      });
      expect(
        classifyFailure(new ConnectorSendError('x', { statusCode: status, retryAfter: header }), now),
      ).toEqual({ status: 'retry', error: `HTTP ${status}`, httpStatus: status, retryAfterMs: wait });
    }
  });

  it.each([
    ['nothing', undefined],
    ['garbage', 'soon'],
    ['a negative number', '-3'],
  ])('leaves the wait to the back-off when Retry-After says %s', (_label, header) => {
    expect(classifyFailure(restError(429, header), now)).toEqual({
      status: 'retry',
      error: 'HTTP 429',
      httpStatus: 429,
    });
  });

  it.each([500, 502, 503, 504, 408, 401])('retries %i later', (status) => {
    expect(classifyFailure(new ConnectorSendError('x', { statusCode: status }), now)).toEqual({
      status: 'retry',
      error: `HTTP ${status}`,
      httpStatus: status,
    });
  });

  it('retries a refused connection, a timeout and anything unknown later', () => {
    expect(classifyFailure(new ConnectorSendError('x', { networkCode: 'ECONNREFUSED' }), now)).toEqual({
      status: 'retry',
      error: 'ECONNREFUSED',
    });
    expect(classifyFailure(new ConnectorSendError('x', { timedOut: true }), now)).toEqual({
      status: 'retry',
      error: 'timed out',
    });
    expect(classifyFailure(new TypeError('fetch failed'), now)).toEqual({
      status: 'retry',
      error: 'TypeError',
    });
  });

  it.each([400, 413, 422])('gives up on %i, which no retry would change', (status) => {
    expect(classifyFailure(new ConnectorSendError('x', { statusCode: status }), now)).toEqual({
      status: 'failed',
      error: `HTTP ${status}`,
      httpStatus: status,
    });
  });
});
