import type { ContainerName } from './containers';
import type { DamageLog } from './damageLog';

/** Every stored document has an id and, as a top-level field, its container's partition key. */
export type Doc = { id: string } & Record<string, unknown>;

/** A document as read, with the version tag a conditional write must quote. */
export interface Versioned<T> {
  doc: T;
  etag: string;
}

export type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A condition on a top-level field. `in` matches any of a list; `contains` an array element. */
export type Condition =
  | { field: string; op: Comparison; value: string | number | boolean }
  | { field: string; op: 'in'; value: Array<string | number> }
  | { field: string; op: 'contains'; value: string | number };

export interface Query {
  /** Restricts the query to one partition. Omit only on administrative paths (exports, imports). */
  partitionKey?: string;
  where?: Condition[];
  orderBy?: { field: string; direction: 'asc' | 'desc' };
  limit?: number;
}

/** The most ids one `readMany` call may name (a year of months with room to spare). */
export const MAX_READ_MANY = 100;

export interface WriteOptions {
  /** Write only if the stored version still has this tag. */
  ifMatch?: string;
}

/**
 * The port's operations that make a request of the store (reads, writes, queries): what anything
 * counting or tracing store requests wraps, so an operation added to the port is counted too.
 */
export const STORE_REQUESTS = [
  'read',
  'readMany',
  'create',
  'replace',
  'upsert',
  'delete',
  'query',
  'queryVersioned',
] as const satisfies ReadonlyArray<keyof DocumentStore>;

/**
 * The storage port. Two adapters implement it (Cosmos DB and the embedded SQLite store) and one
 * contract suite holds them to the same behaviour.
 */
export interface DocumentStore {
  /** Creates whatever containers are missing. Safe to call more than once. */
  init(): Promise<void>;
  /** Resolves when the store answers; rejects with StoreUnavailableError when it does not. */
  ping(): Promise<void>;
  read<T extends Doc>(
    container: ContainerName,
    id: string,
    partitionKey: string,
  ): Promise<Versioned<T> | undefined>;
  /**
   * Reads the documents with these ids in one partition in one call, as few requests as the
   * adapter can make it: those found, each with its version tag, in the order their ids are given
   * (an id given twice is read once); an id with no document is simply absent. As with `read`, a document among them that cannot be read
   * rejects the whole call with UnreadableDocumentError (logged and counted). At most
   * MAX_READ_MANY ids.
   */
  readMany<T extends Doc>(
    container: ContainerName,
    partitionKey: string,
    ids: readonly string[],
  ): Promise<Array<Versioned<T>>>;
  /** Rejects with DocumentExistsError when a document with this id is already in the partition. */
  create<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>>;
  /** Rejects with DocumentNotFoundError, or VersionConflictError when `ifMatch` is stale. */
  replace<T extends Doc>(container: ContainerName, doc: T, options?: WriteOptions): Promise<Versioned<T>>;
  upsert<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>>;
  /** Resolves false when there was nothing to delete. */
  delete(
    container: ContainerName,
    id: string,
    partitionKey: string,
    options?: WriteOptions,
  ): Promise<boolean>;
  query<T extends Doc>(container: ContainerName, query?: Query): Promise<T[]>;
  /**
   * As `query`, each document with the version tag a conditional write must quote, so a document
   * found by a query can be written without reading it again.
   */
  queryVersioned<T extends Doc>(container: ContainerName, query?: Query): Promise<Array<Versioned<T>>>;
  /** The documents this store found it could not read since it was opened. */
  readonly damage: DamageLog;
  /**
   * Moves a document that cannot be read into the `quarantine` container, its stored text kept
   * whole, and resolves the quarantine id; undefined when it is not there or can be read after all.
   */
  setAside(container: ContainerName, id: string, partitionKey: string, at: Date): Promise<string | undefined>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'exists' | 'not_found' | 'version_conflict' | 'unavailable' | 'invalid',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class DocumentExistsError extends StoreError {
  constructor(container: string, id: string) {
    super(`${container}/${id} already exists`, 'exists');
  }
}

export class DocumentNotFoundError extends StoreError {
  constructor(container: string, id: string) {
    super(`${container}/${id} not found`, 'not_found');
  }
}

export class VersionConflictError extends StoreError {
  constructor(container: string, id: string) {
    super(`${container}/${id} changed since it was read`, 'version_conflict');
  }
}

export class StoreUnavailableError extends StoreError {
  constructor(message: string, cause?: unknown) {
    super(message, 'unavailable', { cause });
  }
}

export class InvalidDocumentError extends StoreError {
  constructor(message: string) {
    super(message, 'invalid');
  }
}

/**
 * One stored document cannot be read (its stored form is damaged). Only work that needs this
 * document fails; queries skip it and go on with the others.
 */
export class UnreadableDocumentError extends StoreUnavailableError {
  constructor(
    readonly container: string,
    readonly id: string,
    cause?: unknown,
  ) {
    super(`${container}/${id} is stored but cannot be read`, cause);
  }
}
