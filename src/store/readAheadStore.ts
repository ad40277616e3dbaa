import { AsyncLocalStorage } from 'node:async_hooks';
import { cloneJson } from '../shared/cloneJson';
import { partitionKeyField, type ContainerName } from './containers';
import type { DamageLog } from './damageLog';
import type { Doc, DocumentStore, Query, Versioned, WriteOptions } from './documentStore';

type Pending = Promise<Versioned<Doc> | undefined>;

/** Told of each document written through the store (see `onWrite`). */
export type WriteListener = (container: ContainerName, id: string, partitionKey: string) => void;

/** One turn's reads, by document; closed when the turn ends, after which nothing is kept. */
interface TurnReads {
  open: boolean;
  reads: Map<string, Pending>;
  /** Queries read ahead, by container, then by query. */
  queries: Map<string, Map<string, Promise<Doc[]>>>;
}

/** Where code runs: a turn, and whether its queries are being read ahead. */
interface TurnScope {
  reads: TurnReads;
  queriesAhead?: true;
}

/**
 * A store that reads each document at most once per turn, and can start a turn's reads before the
 * code that needs them asks: at the start of a turn, the documents the activity names (the person
 * sending it, a request on a card) are read at the same time as the bot's own state, instead of
 * one after the other. Every read of a document in a turn takes the answer of its first read (each
 * reader gets a copy of its own), until the turn writes that document: a write makes the next read
 * go to the store. A failed read is not kept. Nothing is kept once the turn ends, so no answer is
 * ever older than the turn that asked for it, and work the turn leaves running (deliveries) is
 * started outside it with `outsideTurn`.
 */
export class ReadAheadStore implements DocumentStore {
  private readonly turn = new AsyncLocalStorage<TurnScope>();
  private readonly writeListeners: WriteListener[] = [];

  constructor(readonly inner: DocumentStore) {}

  /** Runs one turn's work; what is read inside it is kept for this turn only. */
  async runTurn<T>(work: () => Promise<T>): Promise<T> {
    const reads: TurnReads = { open: true, reads: new Map(), queries: new Map() };
    try {
      return await this.turn.run({ reads }, work);
    } finally {
      reads.open = false;
      reads.reads.clear();
      reads.queries.clear();
    }
  }

  /**
   * Calls `listener` with every document written through this store (created, replaced, upserted,
   * deleted or set aside), when the write starts and again when it ends: how this instance's own
   * caches learn that what they hold is out of date.
   */
  onWrite(listener: WriteListener): void {
    this.writeListeners.push(listener);
  }

  /** Runs work a turn starts but does not wait for, so that its reads are its own. */
  outsideTurn<T>(work: () => T): T {
    return this.turn.exit(work);
  }

  /**
   * Runs work whose queries are read ahead: their answers are kept for the rest of the turn, like
   * a document's, until the turn writes to that container. Queries not started here go to the store.
   */
  readingAhead<T>(work: () => T): T {
    const scope = this.turn.getStore();
    return scope?.reads.open ? this.turn.run({ reads: scope.reads, queriesAhead: true }, work) : work();
  }

  /** Starts reading a document the turn will need. Outside a turn, or read already, does nothing. */
  readAhead(container: ContainerName, id: string, partitionKey: string): void {
    const reads = this.openReads();
    if (!reads || reads.has(keyOf(container, id, partitionKey))) return;
    // A failure is the business of whoever reads the document, if anyone does.
    this.readOnce(reads, container, id, partitionKey).catch(() => undefined);
  }

  async read<T extends Doc>(
    container: ContainerName,
    id: string,
    partitionKey: string,
  ): Promise<Versioned<T> | undefined> {
    const reads = this.openReads();
    if (!reads) return this.inner.read<T>(container, id, partitionKey);
    const pending =
      reads.get(keyOf(container, id, partitionKey)) ?? this.readOnce(reads, container, id, partitionKey);
    const found = await pending;
    // Each reader may change what it was given without changing what the next one reads.
    return found && ({ doc: cloneJson(found.doc), etag: found.etag } as Versioned<T>);
  }

  /**
   * Within a turn, each document is kept as if read on its own: ids this turn has read (or is
   * reading) take that answer, and the rest are read from the store in one call, each kept, found
   * or not, for later reads of the turn. A failed call is not kept.
   */
  async readMany<T extends Doc>(
    container: ContainerName,
    partitionKey: string,
    ids: readonly string[],
  ): Promise<Array<Versioned<T>>> {
    const reads = this.openReads();
    if (!reads) return this.inner.readMany<T>(container, partitionKey, ids);
    const wanted = [...new Set(ids)];
    const unread = wanted.filter((id) => !reads.has(keyOf(container, id, partitionKey)));
    if (unread.length > 0) this.readManyOnce(reads, container, partitionKey, unread);
    const found = await Promise.all(
      wanted.map(
        (id) => reads.get(keyOf(container, id, partitionKey)) ?? this.read(container, id, partitionKey),
      ),
    );
    return found.flatMap((one) => (one ? [{ doc: cloneJson(one.doc), etag: one.etag } as Versioned<T>] : []));
  }

  create<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    return this.writing(container, doc.id, partitionOf(container, doc), () =>
      this.inner.create(container, doc),
    );
  }

  replace<T extends Doc>(container: ContainerName, doc: T, options?: WriteOptions): Promise<Versioned<T>> {
    return this.writing(container, doc.id, partitionOf(container, doc), () =>
      this.inner.replace(container, doc, options),
    );
  }

  upsert<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    return this.writing(container, doc.id, partitionOf(container, doc), () =>
      this.inner.upsert(container, doc),
    );
  }

  delete(
    container: ContainerName,
    id: string,
    partitionKey: string,
    options?: WriteOptions,
  ): Promise<boolean> {
    return this.writing(container, id, partitionKey, () =>
      this.inner.delete(container, id, partitionKey, options),
    );
  }

  async query<T extends Doc>(container: ContainerName, query?: Query): Promise<T[]> {
    const scope = this.turn.getStore();
    if (!scope?.reads.open) return this.inner.query<T>(container, query);
    const held = scope.reads.queries.get(container);
    // Most queries are neither read ahead nor kept: straight to the store.
    if (!held && !scope.queriesAhead) return this.inner.query<T>(container, query);
    const kept = held ?? new Map<string, Promise<Doc[]>>();
    const key = JSON.stringify(query ?? {});
    let pending = kept.get(key);
    if (!pending && !scope.queriesAhead) return this.inner.query<T>(container, query);
    if (!pending) {
      const asked = this.inner.query<T>(container, query);
      pending = asked;
      kept.set(key, asked);
      scope.reads.queries.set(container, kept);
      asked.catch(() => {
        if (kept.get(key) === asked) kept.delete(key);
      });
    }
    return cloneJson(await pending) as T[];
  }

  /** Always asked of the store: a version tag is quoted to write, so it must be the stored one. */
  queryVersioned<T extends Doc>(container: ContainerName, query?: Query): Promise<Array<Versioned<T>>> {
    return this.inner.queryVersioned<T>(container, query);
  }

  /** The inner store's count: the same documents, however they were read. */
  get damage(): DamageLog {
    return this.inner.damage;
  }

  setAside(
    container: ContainerName,
    id: string,
    partitionKey: string,
    at: Date,
  ): Promise<string | undefined> {
    return this.writing(container, id, partitionKey, () =>
      this.inner.setAside(container, id, partitionKey, at),
    );
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private openReads(): Map<string, Pending> | undefined {
    const turn = this.turn.getStore()?.reads;
    return turn?.open ? turn.reads : undefined;
  }

  /** Reads from the store and keeps the answer for the rest of the turn; a failure is not kept. */
  private readOnce(
    reads: Map<string, Pending>,
    container: ContainerName,
    id: string,
    partitionKey: string,
  ): Pending {
    const key = keyOf(container, id, partitionKey);
    const pending = this.inner.read(container, id, partitionKey);
    reads.set(key, pending);
    pending.catch(() => {
      if (reads.get(key) === pending) reads.delete(key);
    });
    return pending;
  }

  /** Reads these ids in one call and keeps each answer, found or not, as `readOnce` keeps one. */
  private readManyOnce(
    reads: Map<string, Pending>,
    container: ContainerName,
    partitionKey: string,
    ids: readonly string[],
  ): void {
    const asked = this.inner.readMany(container, partitionKey, ids);
    for (const id of ids) {
      const key = keyOf(container, id, partitionKey);
      const pending: Pending = asked.then((found) => found.find((one) => one.doc.id === id));
      reads.set(key, pending);
      pending.catch(() => {
        if (reads.get(key) === pending) reads.delete(key);
      });
    }
  }

  /**
   * A write makes any answer read before it out of date: forgotten when the write starts, and
   * again when it ends, in case a read side by side with the write kept the old answer.
   */
  private async writing<R>(
    container: ContainerName,
    id: string,
    partitionKey: string,
    write: () => Promise<R>,
  ): Promise<R> {
    const forget = () => {
      const turn = this.turn.getStore()?.reads;
      turn?.reads.delete(keyOf(container, id, partitionKey));
      turn?.queries.delete(container);
      for (const listener of this.writeListeners) listener(container, id, partitionKey);
    };
    forget();
    try {
      return await write();
    } finally {
      forget();
    }
  }
}

function partitionOf(container: ContainerName, doc: Doc): string {
  return String(doc[partitionKeyField(container)]);
}

function keyOf(container: string, id: string, partitionKey: string): string {
  return `${container}\n${partitionKey}\n${id}`;
}
