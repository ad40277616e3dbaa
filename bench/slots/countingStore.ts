import { STORE_REQUESTS, type DocumentStore } from '../../src/store/documentStore';

export interface CountingStore {
  store: DocumentStore;
  /** Store calls (reads, writes, queries) since the last reset. */
  count(): number;
  reset(): void;
}

const COUNTED: ReadonlySet<string> = new Set(STORE_REQUESTS);

/** Wraps a store so that every request made through it is counted. */
export function countRequests(inner: DocumentStore): CountingStore {
  let calls = 0;
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (!COUNTED.has(String(property))) return value.bind(target);
      return (...args: unknown[]) => {
        calls += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, count: () => calls, reset: () => (calls = 0) };
}
