import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { CosmosDocumentStore } from '../../src/store/cosmos/cosmosDocumentStore';
import { STORE_REQUESTS } from '../../src/store/documentStore';

export interface PathCounts {
  requests: number;
  byOperation: Record<string, number>;
  byContainer: Record<string, number>;
  crossPartitionQueries: number;
  /** Each cross-partition query: container and the fields it filtered on. */
  crossPartition: string[];
  /**
   * HTTP requests the Cosmos DB SDK sent, of which query plans: each query sends a query-plan
   * request beside it, and metadata (containers, partition key ranges) is read when first needed.
   */
  httpRequests: number;
  queryPlanRequests: number;
}

/**
 * Counts every call made through any CosmosDocumentStore in this process (the service's own store
 * included), by path: the label set with `setPath`, or the one a piece of work was started under
 * with `runAs` (e.g. deliveries the service starts after a turn). A query without a partition key
 * is a cross-partition query.
 */
export function countStoreCalls(): {
  setPath(path: string): void;
  runAs<T>(path: string, work: () => T): T;
  counts: Map<string, PathCounts>;
  restore(): void;
} {
  const started = new AsyncLocalStorage<string>();
  const counts = new Map<string, PathCounts>();
  let current = 'setup';
  const originals = new Map<string, unknown>();
  const prototype = CosmosDocumentStore.prototype as unknown as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  const onRequest = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    if (request.getHeader('x-ms-version') === undefined) return;
    const held = countsFor(counts, started.getStore() ?? current);
    held.httpRequests += 1;
    if (request.getHeader('x-ms-cosmos-is-query-plan-request') !== undefined) held.queryPlanRequests += 1;
  };
  diagnostics.subscribe('http.client.request.start', onRequest);
  for (const operation of STORE_REQUESTS) {
    const original = prototype[operation] as (...args: unknown[]) => Promise<unknown>;
    originals.set(operation, original);
    prototype[operation] = function (this: unknown, ...args: unknown[]) {
      record(countsFor(counts, started.getStore() ?? current), operation, args);
      return original.apply(this, args);
    };
  }
  return {
    setPath: (path) => (current = path),
    runAs: (path, work) => started.run(path, work),
    counts,
    restore: () => {
      diagnostics.unsubscribe('http.client.request.start', onRequest);
      for (const [operation, original] of originals)
        prototype[operation] = original as (...args: unknown[]) => Promise<unknown>;
    },
  };
}

function countsFor(counts: Map<string, PathCounts>, path: string): PathCounts {
  let held = counts.get(path);
  if (!held)
    counts.set(
      path,
      (held = {
        requests: 0,
        byOperation: {},
        byContainer: {},
        crossPartitionQueries: 0,
        crossPartition: [],
        httpRequests: 0,
        queryPlanRequests: 0,
      }),
    );
  return held;
}

function record(counts: PathCounts, called: string, args: unknown[]): void {
  // A query that also brings each document's version is one query to the store.
  const operation = called === 'queryVersioned' ? 'query' : called;
  const container = String(args[0]);
  counts.requests += 1;
  counts.byOperation[operation] = (counts.byOperation[operation] ?? 0) + 1;
  counts.byContainer[container] = (counts.byContainer[container] ?? 0) + 1;
  if (operation !== 'query') return;
  const query = (args[1] ?? {}) as { partitionKey?: unknown; where?: Array<{ field: string }> };
  if (query.partitionKey !== undefined) return;
  counts.crossPartitionQueries += 1;
  counts.crossPartition.push(`${container}(${(query.where ?? []).map((w) => w.field).join(', ') || 'all'})`);
}
