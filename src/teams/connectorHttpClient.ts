import { AsyncLocalStorage } from 'node:async_hooks';
import type { TeamsAdapter } from '@microsoft/teams-ai';

type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof TeamsAdapter>[3]>;
type HttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type WebResource = Parameters<HttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<HttpClient['sendRequest']>>;
type HeadersLike = CompatResponse['headers'];

/**
 * Why a single-attempt call to the Bot Connector failed: the HTTP status (with its Retry-After),
 * the network error code, or the deadline.
 */
export class ConnectorSendError extends Error {
  constructor(
    message: string,
    readonly details: { statusCode?: number; retryAfter?: string; networkCode?: string; timedOut?: boolean },
  ) {
    super(message);
    this.name = 'ConnectorSendError';
  }
}

const singleAttempt = new AsyncLocalStorage<{ deadline: AbortSignal }>();

/**
 * Runs `work` so that every Bot Connector call it makes is tried once, is cut off when `deadline`
 * aborts, and fails with a ConnectorSendError on any HTTP error or network failure. The outbox
 * then decides when to try again (and keeps the claim honest); the Bot Framework client's own
 * retries, which could hold a send for minutes, are skipped.
 */
export function withSingleAttempt<T>(deadline: AbortSignal, work: () => Promise<T>): Promise<T> {
  return singleAttempt.run({ deadline }, work);
}

/**
 * The HTTP transport of the bot's Bot Connector client, on Node's fetch. Outside
 * `withSingleAttempt` (replies within a turn) it answers as the default transport does, so the
 * client's usual retries apply.
 */
export function createConnectorHttpClient(): HttpClient {
  return {
    sendRequest: async (resource: WebResource): Promise<CompatResponse> => {
      const mode = singleAttempt.getStore();
      const signals = [resource.abortSignal, mode?.deadline].filter(isAbortSignal);
      let response: Response;
      try {
        response = await fetch(resource.url, {
          method: resource.method,
          headers: resource.headers.toJson({ preserveCase: true }),
          body: resource.body as RequestInit['body'],
          ...(signals.length ? { signal: AbortSignal.any(signals) } : {}),
        });
      } catch (error) {
        throw describeNetworkFailure(error, mode?.deadline);
      }
      const bodyAsText = await response.text();
      const headers = headersLike(Object.fromEntries(response.headers));
      if (mode && response.status >= 400)
        throw new ConnectorSendError(`the Bot Connector answered ${response.status}`, {
          statusCode: response.status,
          ...(headers.get('retry-after') ? { retryAfter: headers.get('retry-after') } : {}),
        });
      return { request: resource, status: response.status, headers, bodyAsText } as CompatResponse;
    },
  };
}

/** Outside single-attempt mode the error keeps its network code, so the client retries as it would. */
function describeNetworkFailure(error: unknown, deadline: AbortSignal | undefined): Error {
  const code = networkCode(error);
  if (!deadline) return Object.assign(new Error(`could not reach the Bot Connector (${code})`), { code });
  if (deadline.aborted)
    return new ConnectorSendError('the Bot Connector did not answer in time', { timedOut: true });
  return new ConnectorSendError(`could not reach the Bot Connector (${code})`, { networkCode: code });
}

function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown';
}

function isAbortSignal(signal: unknown): signal is AbortSignal {
  return signal instanceof AbortSignal;
}

function headersLike(raw: Record<string, string>): HeadersLike {
  const map = new Map(Object.entries(raw).map(([name, value]) => [name.toLowerCase(), { name, value }]));
  const self: HeadersLike = {
    set: (name, value) => void map.set(name.toLowerCase(), { name, value: String(value) }),
    get: (name) => map.get(name.toLowerCase())?.value,
    contains: (name) => map.has(name.toLowerCase()),
    remove: (name) => map.delete(name.toLowerCase()),
    rawHeaders: () => self.toJson(),
    headersArray: () => [...map.values()],
    headerNames: () => [...map.values()].map((h) => h.name),
    headerValues: () => [...map.values()].map((h) => h.value),
    clone: () => headersLike(self.toJson({ preserveCase: true })),
    toJson: (options) =>
      Object.fromEntries(
        [...map.entries()].map(([key, h]) => [options?.preserveCase ? h.name : key, h.value]),
      ),
  };
  return self;
}
