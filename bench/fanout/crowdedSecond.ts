import { round } from '../support/stats';
import type { ConnectorRequest } from './startLimitedConnector';

/** A worker's trace of one request to the connector: handed to fetch, and answered (ms since 1970). */
export interface TracedFetch {
  conversation: string;
  method: string;
  at: number;
  doneAt?: number;
  status?: number;
}

/** A worker's trace of one send let through by its limiter (see deliverWorker). */
export interface TracedGrant {
  conversation: string;
  slot: number;
  at: number;
  misses: number;
  heldMs?: number;
}

/** One request of the crowded second: what it was, and its times from its slot to its answer. */
export interface CrowdedRequest {
  conversation: string;
  instance: number;
  /** POST first, POST again (a retry, e.g. after a 429), PUT (a card drawn again), or no permit. */
  kind: 'message' | 'retry' | 'card update' | 'without a slot';
  status: number;
  /** ms from the first request's connector read (negative: before it). */
  slot?: number;
  letGo?: number;
  fetched?: number;
  read: number;
  answered?: number;
  misses?: number;
}

/**
 * The first span of 1,000 ms in which the connector read more than `limit` requests, each request
 * in it set beside its sender's trace (matched by conversation and order): its slot, when it was
 * let go, handed to fetch, read and answered, and what it was. Undefined when no span held more.
 */
export function crowdedSecond(
  requests: readonly ConnectorRequest[],
  instances: ReadonlyArray<{ sends: readonly TracedGrant[]; fetches?: readonly TracedFetch[] }>,
  limit = 50,
): CrowdedRequest[] | undefined {
  const read = [...requests].sort((a, b) => a.at - b.at);
  const nthOf = numberWithinConversation(read);
  let from = 0;
  for (let to = 0; to < read.length; to += 1) {
    while ((read[from] as ConnectorRequest).at <= (read[to] as ConnectorRequest).at - 1000) from += 1;
    if (to - from + 1 <= limit) continue;
    const start = (read[from] as ConnectorRequest).at;
    const since = (at: number | undefined) => (at === undefined ? undefined : round(at - start, 1));
    return read.slice(from, to + 1).map((request) => {
      const nth = nthOf.get(request) ?? 0;
      const found = tracedAs(instances, request.conversation, nth);
      const kind =
        found.grant === undefined
          ? 'without a slot'
          : request.method === 'PUT'
            ? 'card update'
            : nth > 0
              ? 'retry'
              : 'message';
      return {
        conversation: request.conversation,
        instance: found.instance,
        kind,
        status: request.status,
        read: round(request.at - start, 1),
        ...defined({
          slot: since(found.grant?.slot),
          letGo: since(found.grant?.at),
          fetched: since(found.fetch?.at),
          answered: since(found.fetch?.doneAt),
          misses: found.grant?.misses,
        }),
      };
    });
  }
  return undefined;
}

/** Each request's place among its conversation's requests, in the order the connector read them. */
function numberWithinConversation(read: readonly ConnectorRequest[]): Map<ConnectorRequest, number> {
  const seen = new Map<string, number>();
  const nth = new Map<ConnectorRequest, number>();
  for (const request of read) {
    const n = seen.get(request.conversation) ?? 0;
    seen.set(request.conversation, n + 1);
    nth.set(request, n);
  }
  return nth;
}

function tracedAs(
  instances: ReadonlyArray<{ sends: readonly TracedGrant[]; fetches?: readonly TracedFetch[] }>,
  conversation: string,
  nth: number,
): { instance: number; grant?: TracedGrant; fetch?: TracedFetch } {
  // A conversation's requests may come from either instance (a 429's retry from the other): all of them, in time order.
  const grants = instances
    .flatMap((traced, instance) => traced.sends.map((grant) => ({ instance, grant })))
    .filter(({ grant }) => grant.conversation === conversation)
    .sort((a, b) => a.grant.at - b.grant.at);
  const fetches = instances
    .flatMap((traced) => traced.fetches ?? [])
    .filter((fetch) => fetch.conversation === conversation)
    .sort((a, b) => a.at - b.at);
  const found = grants[nth];
  return { instance: found?.instance ?? -1, ...defined({ grant: found?.grant, fetch: fetches[nth] }) };
}

function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
