import { STORE_REQUESTS, type DocumentStore, type Query } from '../../src/store/documentStore';

type Operation = (typeof STORE_REQUESTS)[number];

/** One call to the store: when it began and ended on the trace's own clock (a counter, not time). */
export interface StoreCall {
  operation: Operation;
  container: string;
  /** A query without a partition key: it fans out to every partition. */
  crossPartition: boolean;
  /** What a query filtered on, for naming it in a failure. */
  fields: string[];
  /** The partition a point read, a read of several documents or a single-partition query asked. */
  partitionKey?: string;
  /** How many different ids a read of several documents asked for. */
  ids?: number;
  start: number;
  /** Unset while the call is still in flight. */
  end?: number;
  /** What the work that made the call was, if the trace was told how to tell (e.g. background). */
  label?: string;
}

export interface StoreTrace {
  /** Every call since the trace began (or since `clear`). */
  readonly calls: StoreCall[];
  /** The trace's clock now: calls that start after this began after this moment. */
  mark(): number;
  /** Calls that began at or after `from` and ended before `to`. */
  between(from: number, to: number): StoreCall[];
  clear(): void;
  /** Puts the store's own methods back. */
  restore(): void;
}

/**
 * Records every call made to one store object, whoever holds it (repositories, bot state), by
 * replacing its methods on the object itself. Each call's start and end are ticks of one counter,
 * so "this call began after that one ended" is exact, however busy the machine is.
 */
export function traceStore(
  store: DocumentStore,
  labelOf: () => string | undefined = () => undefined,
): StoreTrace {
  let tick = 0;
  const calls: StoreCall[] = [];
  const target = store as unknown as Record<string, unknown>;
  for (const operation of STORE_REQUESTS) {
    const original = target[operation] as (...args: unknown[]) => Promise<unknown>;
    target[operation] = (...args: unknown[]) => {
      const call = describeCall(operation, args, (tick += 1), labelOf());
      calls.push(call);
      return original.apply(store, args).finally(() => {
        call.end = tick += 1;
      });
    };
  }
  return {
    calls,
    mark: () => (tick += 1),
    between: (from, to) => calls.filter((c) => c.start >= from && c.end !== undefined && c.end <= to),
    clear: () => void calls.splice(0),
    restore: () => {
      for (const operation of STORE_REQUESTS) delete target[operation];
    },
  };
}

function describeCall(operation: Operation, args: unknown[], start: number, label?: string): StoreCall {
  const isQuery = operation === 'query' || operation === 'queryVersioned';
  const query = (isQuery ? (args[1] ?? {}) : {}) as Query;
  const partitionKey = partitionOf(operation, args, query);
  return {
    operation,
    container: String(args[0]),
    crossPartition: isQuery && query.partitionKey === undefined,
    fields: (query.where ?? []).map((w) => w.field),
    start,
    ...(partitionKey === undefined ? {} : { partitionKey }),
    ...(operation === 'readMany' ? { ids: new Set(args[2] as string[]).size } : {}),
    ...(label === undefined ? {} : { label }),
  };
}

function partitionOf(operation: Operation, args: unknown[], query: Query): string | undefined {
  if (operation === 'query' || operation === 'queryVersioned') return query.partitionKey;
  if (operation === 'readMany') return String(args[1]);
  return operation === 'read' || operation === 'delete' ? String(args[2]) : undefined;
}

/**
 * Sequential round trips: the longest chain of calls in which each began only after the one
 * before it had ended. Calls made side by side (Promise.all) count once; a read whose answer
 * the next call waits for counts twice. This is what a remote store's latency multiplies.
 */
export function sequentialRoundTrips(calls: readonly StoreCall[]): number {
  const done = calls.filter((c) => c.end !== undefined).sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  let longest = 0;
  done.forEach((call, i) => {
    let before = 0;
    for (let j = 0; j < i; j += 1)
      if ((done[j]?.end ?? Infinity) < call.start) before = Math.max(before, depth[j] ?? 0);
    depth[i] = before + 1;
    longest = Math.max(longest, before + 1);
  });
  return longest;
}

/** Cross-partition queries among these calls, named as `container(fields)`. */
export function crossPartitionQueries(calls: readonly StoreCall[]): string[] {
  return calls.filter((c) => c.crossPartition).map((c) => `${c.container}(${c.fields.join(', ') || 'all'})`);
}
