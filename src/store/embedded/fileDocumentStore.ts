import { randomUUID } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../logging/logger';
import {
  ensureKnownContainer,
  ensureValidDocument,
  ensureValidKey,
  ensureValidQuery,
} from '../checkDocument';
import { CONTAINER_NAMES, partitionKeyField, type ContainerName } from '../containers';
import {
  DocumentExistsError,
  DocumentNotFoundError,
  StoreError,
  StoreUnavailableError,
  VersionConflictError,
  type Doc,
  type DocumentStore,
  type Query,
  type Versioned,
  type WriteOptions,
} from '../documentStore';
import { evaluateQuery } from '../evaluateQuery';
import { encodeFileName } from './encodeFileName';
import { readStoredDocument, readStoredDocuments, type StoredDocument } from './readStoredDocument';
import { removeLeftoverTempFiles } from './removeLeftoverTempFiles';
import { withDocumentLock } from './withDocumentLock';
import { flushFolder, writeFileAtomically } from './writeFileAtomically';

/**
 * The embedded store: one JSON file per document at
 * `<dataDir>/<container>/<encoded partition key>/<encoded id>.json`, holding `{ etag, doc }`.
 * Writes are atomic (temporary file, flush, rename) and take a per-document lock that also holds
 * against another process on the same folder; reads take no lock.
 *
 * Time to live, as in Cosmos DB: a document with a positive `ttl` (seconds) is gone that long
 * after its last write (the file's modification time). Reads, queries and writes treat it as
 * absent, and it is deleted when next met.
 */
export class FileDocumentStore implements DocumentStore {
  private readonly dataDir: string;

  constructor(
    dataDir: string,
    private readonly logger?: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.dataDir = path.resolve(dataDir);
  }

  async init(): Promise<void> {
    await this.guard('init', async () => {
      for (const container of CONTAINER_NAMES) {
        await fs.mkdir(path.join(this.dataDir, container), { recursive: true });
      }
      const removed = await removeLeftoverTempFiles(this.dataDir);
      if (removed > 0) this.logger?.info({ removed }, 'embedded store: removed unfinished writes');
    });
  }

  async ping(): Promise<void> {
    try {
      await fs.access(this.dataDir, fsConstants.R_OK | fsConstants.W_OK);
    } catch (error) {
      throw new StoreUnavailableError('embedded store: data folder is not readable and writable', error);
    }
  }

  async read<T extends Doc>(
    container: ContainerName,
    id: string,
    partitionKey: string,
  ): Promise<Versioned<T> | undefined> {
    ensureValidKey(container, id, partitionKey);
    const filePath = this.documentPath(container, id, partitionKey);
    const stored = await this.guard('read', () => this.readLive(filePath));
    return stored && stored.doc.id === id ? { doc: stored.doc as T, etag: stored.etag } : undefined;
  }

  async create<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    return this.write(container, doc, (current) => {
      if (current) throw new DocumentExistsError(container, doc.id);
    });
  }

  async replace<T extends Doc>(
    container: ContainerName,
    doc: T,
    options: WriteOptions = {},
  ): Promise<Versioned<T>> {
    return this.write(container, doc, (current) => {
      if (!current) throw new DocumentNotFoundError(container, doc.id);
      if (options.ifMatch !== undefined && options.ifMatch !== current.etag) {
        throw new VersionConflictError(container, doc.id);
      }
    });
  }

  async upsert<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    return this.write(container, doc, () => undefined);
  }

  async delete(
    container: ContainerName,
    id: string,
    partitionKey: string,
    options: WriteOptions = {},
  ): Promise<boolean> {
    ensureValidKey(container, id, partitionKey);
    const filePath = this.documentPath(container, id, partitionKey);
    return this.guard('delete', async () => {
      // A partition never written has no folder to hold a lock in, and nothing to delete.
      if (!(await folderExists(path.dirname(filePath)))) return false;
      return this.locked(filePath, async () => {
        const current = await this.readLive(filePath);
        if (!current) {
          await fs.rm(filePath, { force: true });
          return false;
        }
        if (options.ifMatch !== undefined && options.ifMatch !== current.etag) {
          throw new VersionConflictError(container, id);
        }
        await fs.rm(filePath, { force: true });
        await flushFolder(path.dirname(filePath));
        return true;
      });
    });
  }

  async query<T extends Doc>(container: ContainerName, query: Query = {}): Promise<T[]> {
    ensureKnownContainer(container);
    ensureValidQuery(query);
    const docs = await this.guard('query', async () => {
      const folders =
        query.partitionKey === undefined
          ? await this.listPartitionFolders(container)
          : [this.partitionFolder(container, query.partitionKey)];
      const stored = await readStoredDocuments(folders);
      const live = await Promise.all(stored.map((entry) => this.liveOrPurged(container, entry)));
      return live.filter((doc): doc is T => doc !== undefined);
    });
    return evaluateQuery(docs, query, partitionKeyField(container));
  }

  async close(): Promise<void> {
    // Nothing is held open between operations: every lock is released when its write ends.
  }

  private async write<T extends Doc>(
    container: ContainerName,
    doc: T,
    check: (current: StoredDocument | undefined) => void,
  ): Promise<Versioned<T>> {
    const { id, partitionKey } = ensureValidDocument(container, doc);
    const filePath = this.documentPath(container, id, partitionKey);
    const written = JSON.parse(JSON.stringify(doc)) as T;
    const etag = randomUUID();
    await this.guard('write', async () => {
      await fs.mkdir(path.dirname(filePath), { recursive: true });
      await this.locked(filePath, async () => {
        check(await this.readLive(filePath));
        await writeFileAtomically(filePath, JSON.stringify({ etag, doc: written }));
      });
    });
    return { doc: written, etag };
  }

  /** The stored document, or undefined when there is none or its time to live has run out. */
  private async readLive(filePath: string): Promise<StoredDocument | undefined> {
    const stored = await readStoredDocument(filePath);
    return stored && (await this.hasExpired(stored.doc, filePath)) ? undefined : stored;
  }

  private async hasExpired(doc: Doc, filePath: string): Promise<boolean> {
    const ttl = doc.ttl;
    if (typeof ttl !== 'number' || !(ttl > 0)) return false;
    try {
      const { mtimeMs } = await fs.stat(filePath);
      return mtimeMs + ttl * 1000 <= this.now();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
      throw error;
    }
  }

  /** A queried document if it is still live; an expired one is deleted (if nobody rewrote it meanwhile). */
  private async liveOrPurged<T extends Doc>(
    container: ContainerName,
    entry: StoredDocument,
  ): Promise<T | undefined> {
    const key = entry.doc[partitionKeyField(container)];
    if (typeof entry.doc.ttl !== 'number' || typeof key !== 'string') return entry.doc as T;
    const filePath = this.documentPath(container, entry.doc.id, key);
    if (!(await this.hasExpired(entry.doc, filePath))) return entry.doc as T;
    await this.locked(filePath, async () => {
      const current = await readStoredDocument(filePath);
      if (current && (await this.hasExpired(current.doc, filePath))) await fs.rm(filePath, { force: true });
    });
    return undefined;
  }

  private locked<R>(filePath: string, work: () => Promise<R>): Promise<R> {
    return withDocumentLock(filePath, work, (error) =>
      this.logger?.warn({ err: error }, 'embedded store: a document lock was lost while held'),
    );
  }

  private async listPartitionFolders(container: ContainerName): Promise<string[]> {
    const containerFolder = path.join(this.dataDir, container);
    try {
      const entries = await fs.readdir(containerFolder, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => path.join(containerFolder, entry.name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private partitionFolder(container: ContainerName, partitionKey: string): string {
    return path.join(this.dataDir, container, encodeFileName(partitionKey));
  }

  private documentPath(container: ContainerName, id: string, partitionKey: string): string {
    return path.join(this.partitionFolder(container, partitionKey), `${encodeFileName(id)}.json`);
  }

  /** Passes the store's own errors through; anything else (disk full, permissions) means unavailable. */
  private async guard<R>(operation: string, work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreUnavailableError(`embedded store: ${operation} failed`, error);
    }
  }
}

async function folderExists(folder: string): Promise<boolean> {
  try {
    return (await fs.stat(folder)).isDirectory();
  } catch {
    return false;
  }
}
