import { AsyncLocalStorage } from 'node:async_hooks';
import { partitionKeyField, type ContainerName } from './containers';
import type { DamageLog } from './damageLog';
import type { Doc, DocumentStore, Query, Versioned, WriteOptions } from './documentStore';

type Pending = Promise<Versioned<Doc> | undefined>;

/**
 * A store that can start a turn's reads before the code that needs them asks: at the start of a
 * turn, the documents the activity names (the person sending it, a request on a card) are read at
 * the same time as the bot's own state, instead of one after the other. The first read of such a
 * document in that turn takes the answer already on its way; any later read, and every read after
 * a write of the same document, goes to the store as usual. Nothing is kept once the turn ends,
 * so no answer is ever older than the turn that asked for it.
 */
export class ReadAheadStore implements DocumentStore {
  private readonly turn = new AsyncLocalStorage<Map<string, Pending>>();

  constructor(readonly inner: DocumentStore) {}

  /** Runs one turn's work; reads started with `readAhead` inside it are for this turn only. */
  async runTurn<T>(work: () => Promise<T>): Promise<T> {
    const ahead = new Map<string, Pending>();
    try {
      return await this.turn.run(ahead, work);
    } finally {
      ahead.clear();
    }
  }

  /** Starts reading a document the turn will need. Outside a turn, or read ahead already, does nothing. */
  readAhead(container: ContainerName, id: string, partitionKey: string): void {
    const ahead = this.turn.getStore();
    const key = keyOf(container, id, partitionKey);
    if (!ahead || ahead.has(key)) return;
    const pending = this.inner.read(container, id, partitionKey);
    // A failure is the business of whoever reads the document, if anyone does.
    pending.catch(() => undefined);
    ahead.set(key, pending);
  }

  read<T extends Doc>(
    container: ContainerName,
    id: string,
    partitionKey: string,
  ): Promise<Versioned<T> | undefined> {
    const ahead = this.turn.getStore();
    const key = keyOf(container, id, partitionKey);
    const pending = ahead?.get(key);
    if (!pending) return this.inner.read<T>(container, id, partitionKey);
    ahead?.delete(key);
    return pending as Promise<Versioned<T> | undefined>;
  }

  create<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    this.forget(container, doc);
    return this.inner.create(container, doc);
  }

  replace<T extends Doc>(container: ContainerName, doc: T, options?: WriteOptions): Promise<Versioned<T>> {
    this.forget(container, doc);
    return this.inner.replace(container, doc, options);
  }

  upsert<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    this.forget(container, doc);
    return this.inner.upsert(container, doc);
  }

  delete(
    container: ContainerName,
    id: string,
    partitionKey: string,
    options?: WriteOptions,
  ): Promise<boolean> {
    this.turn.getStore()?.delete(keyOf(container, id, partitionKey));
    return this.inner.delete(container, id, partitionKey, options);
  }

  query<T extends Doc>(container: ContainerName, query?: Query): Promise<T[]> {
    return this.inner.query<T>(container, query);
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
    this.turn.getStore()?.delete(keyOf(container, id, partitionKey));
    return this.inner.setAside(container, id, partitionKey, at);
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

  /** A write makes any answer read ahead of it out of date. */
  private forget(container: ContainerName, doc: Doc): void {
    this.turn.getStore()?.delete(keyOf(container, doc.id, String(doc[partitionKeyField(container)])));
  }
}

function keyOf(container: string, id: string, partitionKey: string): string {
  return `${container}\n${partitionKey}\n${id}`;
}
