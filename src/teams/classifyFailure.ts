import type { DeliveryOutcome } from '../app/deliverOutbox';
import { readRetryAfter } from '../shared/readRetryAfter';
import { ConnectorSendError } from './connectorHttpClient';

/**
 * What a failed proactive send means for the message:
 * - 403 / 404: the person removed the app or the chat is gone: unreachable;
 * - 429, 408 and 5xx: busy or broken for now: retried after Retry-After when the connector gives
 *   one, else after the outbox's back-off;
 * - no answer (refused connection, timeout), 401: retried later;
 * - any other 4xx (a message the connector will never take, e.g. 400 or 413): failed for good.
 */
export function classifyFailure(error: unknown, nowMs: number = Date.now()): DeliveryOutcome {
  const { statusCode, retryAfter, reason } = readFailure(error);
  if (statusCode === 403 || statusCode === 404) return { status: 'unreachable', httpStatus: statusCode };
  if (statusCode === undefined || statusCode === 401 || isBusy(statusCode))
    return {
      status: 'retry',
      error: reason,
      ...(statusCode !== undefined ? { httpStatus: statusCode } : {}),
      ...retryAfterOf(retryAfter, nowMs),
    };
  return { status: 'failed', error: reason, httpStatus: statusCode };
}

function isBusy(statusCode: number): boolean {
  return statusCode === 429 || statusCode === 408 || statusCode >= 500;
}

interface Failure {
  statusCode?: number;
  retryAfter?: string;
  reason: string;
}

/** Our transport's ConnectorSendError, or an error shaped like the Bot Framework client's RestError. */
function readFailure(error: unknown): Failure {
  if (error instanceof ConnectorSendError) {
    const { statusCode, retryAfter, networkCode, timedOut } = error.details;
    const reason = timedOut
      ? 'timed out'
      : statusCode !== undefined
        ? `HTTP ${statusCode}`
        : (networkCode ?? 'send failed');
    return {
      ...(statusCode !== undefined ? { statusCode } : {}),
      ...(retryAfter ? { retryAfter } : {}),
      reason,
    };
  }
  const e = error as {
    statusCode?: unknown;
    response?: { headers?: { get?: (n: string) => string | null | undefined } };
  };
  if (typeof e?.statusCode === 'number')
    return {
      statusCode: e.statusCode,
      retryAfter: e.response?.headers?.get?.('retry-after') ?? undefined,
      reason: `HTTP ${e.statusCode}`,
    };
  return { reason: error instanceof Error ? error.name : 'send failed' };
}

/** Retry-After is a number of seconds or an HTTP date; when missing or unreadable, the outbox backs off. */
function retryAfterOf(header: string | undefined, nowMs: number): { retryAfterMs?: number } {
  const wait = readRetryAfter(header, nowMs);
  return wait === undefined ? {} : { retryAfterMs: Math.max(wait, 1) };
}
