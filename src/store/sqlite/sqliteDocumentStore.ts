import { randomUUID } from 'node:crypto';
import { constants as fsConstants, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../../logging/logger';
import {
  ensureKnownContainer,
  ensureValidDocument,
  ensureValidKey,
  ensureValidKeys,
  ensureValidQuery,
} from '../checkDocument';
import { partitionKeyField, type ContainerName } from '../containers';
import {
  StoreError,
  StoreUnavailableError,
  UnreadableDocumentError,
  VersionConflictError,
  type Doc,
  type DocumentStore,
  type Query,
  type Versioned,
  type WriteOptions,
} from '../documentStore';
import { evaluateQuery } from '../evaluateQuery';
import { DamageLog } from '../damageLog';
import { quarantineDocument, quarantineId } from '../quarantineDocument';
import { ensureNoLegacyLayoutAlone } from '../legacy/findLegacyLayout';
import { expiryOf, parseDocumentRow, type DocumentRow } from './documentRows';
import { afterWriting, ensureExpected, writeInOneStatement, type Expected } from './conditionalWrite';
import { inImmediateTransaction } from './inImmediateTransaction';
import { prepareStatements, type Statements } from './documentStatements';
import { databasePath, openDatabase } from './openDatabase';

export interface SqliteStoreOptions {
  logger?: Logger;
  /** The store's clock (milliseconds since 1970), for time to live. */
  now?: () => number;
  /**
   * Open even when DATA_DIR holds only the old one-file-per-document layout. Only the migration
   * does this; everything else refuses, so the old data is never silently left behind.
   */
  acceptLegacyLayout?: boolean;
  /** How long a write waits for another process holding the database (default 5 s). */
  busyTimeoutMs?: number;
  /** Where unreadable documents are counted (a fresh log when absent). */
  damage?: DamageLog;
}

/** A document as the migration brings it in: its version tag and last write time are kept. */
export interface ImportedDocument {
  doc: Doc;
  etag: string;
  writtenAt: number;
}

export type ImportOutcome = 'added' | 'already_there' | 'differs' | 'expired';

/** Expired documents are hidden at once and deleted at start and then at most this often. */
const PURGE_EVERY_MS = 10 * 60_000;

/**
 * The embedded store: every container in one SQLite database, `<dataDir>/shadowing.db`, through
 * Node's built-in `node:sqlite`. A write is one statement whose condition (no live document, or
 * the version quoted) SQLite checks under the write lock; only a write that statement refuses is
 * checked again in a `BEGIN IMMEDIATE` transaction that reads the current version, to say why. So
 * conditional writes hold across processes sharing the file as well as within this one.
 *
 * Time to live, as in Cosmos DB: a document with a positive `ttl` (seconds) is gone that long
 * after its last write. Reads, queries and writes treat it as absent at once; the row itself is
 * deleted at start and then every few minutes.
 *
 * A row whose body cannot be read stays that document's problem: a point read of it fails with
 * UnreadableDocumentError, and queries skip it (logged with its id) and return the others.
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly dataDir: string;
  readonly damage: DamageLog;
  private readonly logger?: Logger;
  private readonly now: () => number;
  private db: DatabaseSync | undefined;
  private statements: Statements | undefined;
  private closed = false;
  private lastPurgeAt = Number.NEGATIVE_INFINITY;

  constructor(
    dataDir: string,
    private readonly options: SqliteStoreOptions = {},
  ) {
    this.dataDir = path.resolve(dataDir);
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.damage = options.damage ?? new DamageLog();
  }

  /** The database file. */
  get file(): string {
    return databasePath(this.dataDir);
  }

  async init(): Promise<void> {
    if (!this.db && !this.options.acceptLegacyLayout && !existsSync(this.file)) {
      await ensureNoLegacyLayoutAlone(this.dataDir);
    }
    this.guard('init', () => {
      this.open();
      this.purgeExpired();
    });
  }

  async ping(): Promise<void> {
    try {
      await fs.access(this.file, fsConstants.R_OK | fsConstants.W_OK);
      this.open().db.prepare('SELECT 1').get();
    } catch (error) {
      throw new StoreUnavailableError(
        'embedded store: the database file is not readable and writable',
        error,
      );
    }
  }

  async read<T extends Doc>(
    container: ContainerName,
    id: string,
    partitionKey: string,
  ): Promise<Versioned<T> | undefined> {
    ensureValidKey(container, id, partitionKey);
    const row = this.guard('read', () =>
      this.open().statements.readLive.get(container, partitionKey, id, this.now()),
    ) as DocumentRow | undefined;
    if (!row) return undefined;
    const parsed = parseDocumentRow(container, row);
    if (!parsed.readable) throw this.unreadable(container, row, parsed.reason);
    return { doc: parsed.doc as T, etag: row.etag };
  }

  /** One statement for all the ids; a damaged row among them fails the call, as `read` would. */
  async readMany<T extends Doc>(
    container: ContainerName,
    partitionKey: string,
    ids: readonly string[],
  ): Promise<Array<Versioned<T>>> {
    const wanted = ensureValidKeys(container, partitionKey, ids);
    if (wanted.length === 0) return [];
    const rows = this.guard('read', () =>
      this.open().statements.readManyLive.all(container, partitionKey, JSON.stringify(wanted), this.now()),
    ) as unknown as DocumentRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const found: Array<Versioned<T>> = [];
    const damaged: UnreadableDocumentError[] = [];
    for (const id of wanted) {
      const row = byId.get(id);
      if (!row) continue;
      const parsed = parseDocumentRow(container, row);
      if (parsed.readable) found.push({ doc: parsed.doc as T, etag: row.etag });
      else damaged.push(this.unreadable(container, row, parsed.reason));
    }
    if (damaged[0]) throw damaged[0];
    return found;
  }

  async create<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    return this.write(container, doc, { absent: true });
  }

  async replace<T extends Doc>(
    container: ContainerName,
    doc: T,
    options: WriteOptions = {},
  ): Promise<Versioned<T>> {
    return this.write(container, doc, { present: true, ...options });
  }

  async upsert<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    return this.write(container, doc, {});
  }

  async delete(
    container: ContainerName,
    id: string,
    partitionKey: string,
    options: WriteOptions = {},
  ): Promise<boolean> {
    ensureValidKey(container, id, partitionKey);
    return this.guard('delete', () => {
      const { db, statements } = this.open();
      return inImmediateTransaction(db, () => {
        const current = this.liveVersion(container, partitionKey, id);
        if (current && options.ifMatch !== undefined && options.ifMatch !== current.etag) {
          throw new VersionConflictError(container, id);
        }
        // An expired row is deleted too, but there was nothing live to delete.
        statements.remove.run(container, partitionKey, id);
        return current !== undefined;
      });
    });
  }

  async query<T extends Doc>(container: ContainerName, query: Query = {}): Promise<T[]> {
    return evaluateQuery(this.readableRows<T>(container, query).docs, query, partitionKeyField(container));
  }

  async queryVersioned<T extends Doc>(
    container: ContainerName,
    query: Query = {},
  ): Promise<Array<Versioned<T>>> {
    const { docs, etags } = this.readableRows<T>(container, query);
    return evaluateQuery(docs, query, partitionKeyField(container)).map((doc) => ({
      doc,
      etag: etags.get(doc) as string,
    }));
  }

  /** The query's partition (or container), each readable document with its version tag; others logged and skipped. */
  private readableRows<T extends Doc>(
    container: ContainerName,
    query: Query,
  ): { docs: T[]; etags: Map<T, string> } {
    ensureKnownContainer(container);
    ensureValidQuery(query);
    const rows = this.guard('query', () => {
      const { statements } = this.open();
      return query.partitionKey === undefined
        ? statements.queryContainer.all(container, this.now())
        : statements.queryPartition.all(container, query.partitionKey, this.now());
    }) as unknown as DocumentRow[];
    const docs: T[] = [];
    const etags = new Map<T, string>();
    for (const row of rows) {
      const parsed = parseDocumentRow(container, row);
      if (!parsed.readable) {
        this.unreadable(container, row, parsed.reason);
        continue;
      }
      docs.push(parsed.doc as T);
      etags.set(parsed.doc as T, row.etag);
    }
    return { docs, etags };
  }

  async setAside(
    container: ContainerName,
    id: string,
    partitionKey: string,
    at: Date,
  ): Promise<string | undefined> {
    ensureValidKey(container, id, partitionKey);
    const setAside = this.guard('set aside', () => {
      const { db, statements } = this.open();
      return inImmediateTransaction(db, () => {
        const row = statements.readLive.get(container, partitionKey, id, this.now()) as
          DocumentRow | undefined;
        if (!row || parseDocumentRow(container, row).readable) return undefined;
        const kept = quarantineDocument({ container, partitionKey, id }, row.body, at);
        statements.write.run(
          'quarantine',
          kept.from,
          kept.id,
          randomUUID(),
          JSON.stringify(kept),
          this.now(),
          null,
        );
        statements.remove.run(container, partitionKey, id);
        return kept.id;
      });
    });
    this.damage.forget({ container, partitionKey, id });
    return setAside ?? (await this.alreadySetAside(container, id, partitionKey));
  }

  /** The quarantine id when the document was set aside before (a repeated repair). */
  private async alreadySetAside(container: ContainerName, id: string, partitionKey: string) {
    const quarantined = quarantineId({ container, partitionKey, id });
    return (await this.read('quarantine', quarantined, container)) ? quarantined : undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    const db = this.db;
    this.db = undefined;
    this.statements = undefined;
    if (db?.isOpen) db.close();
  }

  /**
   * Brings in one document from another store (the migration), keeping its version tag and last
   * write time. A document already here is never overwritten: it is either the same or it
   * differs, and the database's version is kept.
   */
  importDocument(container: ContainerName, imported: ImportedDocument): ImportOutcome {
    const { id, partitionKey } = ensureValidDocument(container, imported.doc);
    const body = JSON.stringify(imported.doc);
    const expiresAt = expiryOf(imported.doc, imported.writtenAt);
    if (expiresAt !== undefined && expiresAt <= this.now()) return 'expired';
    return this.guard('import', () => {
      const { db, statements } = this.open();
      return inImmediateTransaction(db, () => {
        const current = statements.readLive.get(container, partitionKey, id, this.now()) as
          DocumentRow | undefined;
        if (current) return current.body === body ? 'already_there' : 'differs';
        statements.write.run(
          container,
          partitionKey,
          id,
          imported.etag,
          body,
          imported.writtenAt,
          expiresAt ?? null,
        );
        return 'added';
      });
    });
  }

  /**
   * Writes the document if what is stored meets `expected`. The usual case is one statement, which
   * SQLite runs atomically (the write lock is taken before the condition is checked): an upsert, an
   * update of the live document whose version is the one quoted, or an insert where none is live.
   * When that statement writes nothing, the write is tried again as a read-check-write in one
   * transaction, which either finds the document as expected after all (changed in between) and
   * writes, or throws the refusal: missing, already there, or changed since it was read.
   */
  private write<T extends Doc>(container: ContainerName, doc: T, expected: Expected): Versioned<T> {
    const { id, partitionKey } = ensureValidDocument(container, doc);
    const body = JSON.stringify(doc);
    const etag = randomUUID();
    const written = afterWriting<T>(body, etag);
    this.guard('write', () => {
      const { db, statements } = this.open();
      const writtenAt = this.now();
      const row = [
        container,
        partitionKey,
        id,
        etag,
        body,
        writtenAt,
        expiryOf(doc, writtenAt) ?? null,
      ] as const;
      if (writeInOneStatement(statements, row, expected, this.now())) return;
      inImmediateTransaction(db, () => {
        ensureExpected(expected, container, id, this.liveVersion(container, partitionKey, id));
        statements.write.run(...row);
      });
    });
    if (this.now() - this.lastPurgeAt >= PURGE_EVERY_MS) this.purgeExpiredQuietly();
    return written;
  }

  /** The version of the live document, or undefined when there is none or it has expired. */
  private liveVersion(container: string, partitionKey: string, id: string): { etag: string } | undefined {
    const row = this.open().statements.readVersion.get(container, partitionKey, id) as
      { etag: string; expires_at: number | null } | undefined;
    if (!row || (row.expires_at !== null && row.expires_at <= this.now())) return undefined;
    return { etag: row.etag };
  }

  /** A purge that fails (the database busy for long) is tried again next time; the write stands. */
  private purgeExpiredQuietly(): void {
    try {
      this.purgeExpired();
    } catch (error) {
      this.logger?.warn({ err: error }, 'embedded store: could not remove expired documents this time');
    }
  }

  private purgeExpired(): void {
    const now = this.now();
    this.lastPurgeAt = now;
    const { changes } = this.open().statements.purge.run(now);
    if (Number(changes) > 0)
      this.logger?.info({ removed: Number(changes) }, 'embedded store: removed expired documents');
  }

  private unreadable(container: string, row: DocumentRow, reason: unknown): UnreadableDocumentError {
    const error = new UnreadableDocumentError(container, row.id, reason);
    this.damage.record({ container, partitionKey: row.partition_key, id: row.id });
    this.logger?.warn(
      { container, partitionKey: row.partition_key, id: row.id, err: reason },
      'embedded store: a stored document cannot be read',
    );
    return error;
  }

  private open(): { db: DatabaseSync; statements: Statements } {
    if (this.closed) throw new StoreUnavailableError('embedded store: used after it was closed');
    if (!this.db || !this.statements) {
      const db = openDatabase(this.dataDir, this.options.busyTimeoutMs);
      this.statements = prepareStatements(db);
      this.db = db;
    }
    return { db: this.db, statements: this.statements };
  }

  /** Passes the store's own errors through; anything else (disk full, busy too long, damaged file) means unavailable. */
  private guard<R>(operation: string, work: () => R): R {
    try {
      return work();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      // Not `instanceof Error`: node:sqlite's errors may come from another realm (test sandboxes).
      const message = (error as { message?: unknown } | null)?.message;
      const detail = typeof message === 'string' ? `: ${message}` : '';
      throw new StoreUnavailableError(`embedded store: ${operation} failed${detail}`, error);
    }
  }
}
