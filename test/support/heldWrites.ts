import type { ContainerName } from '../../src/store/containers';
import type { Doc, DocumentStore, WriteOptions } from '../../src/store/documentStore';

/** A store whose writes of pointers and messages about one request wait until the test lets them go. */
export interface HeldWrites {
  store: DocumentStore;
  /** How many such writes have been asked for so far (held or let go). */
  asked(): number;
  /** Settles once the first such write has been asked for. */
  firstAsked: Promise<void>;
  /** Lets every held write (and any later one) go to the store. */
  release(): void;
  /** Settles once every write let go has been answered by the store. */
  written(): Promise<void>;
  /** How many such writes are held or not yet answered. */
  pending(): number;
}

const FOLLOW_UP_CONTAINERS: ReadonlySet<ContainerName> = new Set<ContainerName>(['tasks', 'outbox']);

/**
 * `store` with every pointer and message about `requestId` held back until `release` (a function
 * for a request made after the store: none is held while it gives undefined).
 */
export function holdFollowUpWrites(
  store: DocumentStore,
  requestId: string | (() => string | undefined),
): HeldWrites {
  const heldId = typeof requestId === 'string' ? () => requestId : requestId;
  let unanswered = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let firstAsked: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (firstAsked = resolve));
  const writes: Promise<unknown>[] = [];
  const hold = <T>(container: ContainerName, doc: Doc, write: () => Promise<T>): Promise<T> => {
    if (!FOLLOW_UP_CONTAINERS.has(container) || doc.requestId !== heldId()) return write();
    firstAsked();
    unanswered += 1;
    const held = gate.then(write).finally(() => (unanswered -= 1));
    writes.push(held.catch(() => undefined));
    return held;
  };
  const wrapped = aroundWrites(store, hold);
  return {
    store: wrapped,
    asked: () => writes.length,
    firstAsked: first,
    release,
    written: async () => {
      await Promise.all(writes);
    },
    pending: () => unanswered,
  };
}

type Write = <T>(container: ContainerName, doc: Doc, write: () => Promise<T>) => Promise<T>;

/** `store` with every create, upsert and replace passed through `around`, which decides when (or whether) it is written. */
function aroundWrites(store: DocumentStore, around: Write): DocumentStore {
  return Object.create(store, {
    create: { value: (c: ContainerName, doc: Doc) => around(c, doc, () => store.create(c, doc)) },
    upsert: { value: (c: ContainerName, doc: Doc) => around(c, doc, () => store.upsert(c, doc)) },
    replace: {
      value: (c: ContainerName, doc: Doc, options?: WriteOptions) =>
        around(c, doc, () => store.replace(c, doc, options)),
    },
  }) as DocumentStore;
}

/**
 * The same store, with every write of a pointer or message failing as if the store had gone;
 * given a request id, only those about that request (a move over several requests stops at it).
 */
export function failFollowUpWrites(store: DocumentStore, requestId?: string): DocumentStore {
  return aroundWrites(store, (container, doc, write) =>
    FOLLOW_UP_CONTAINERS.has(container) && (!requestId || doc.requestId === requestId)
      ? Promise.reject(new Error('store gone'))
      : write(),
  );
}
