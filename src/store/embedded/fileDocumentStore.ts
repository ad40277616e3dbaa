import { randomUUID } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../logging/logger';
import { ensureKnownContainer, ensureValidDocument, ensureValidKey, ensureValidQuery } from '../checkDocument';
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
 */
export class FileDocumentStore implements DocumentStore {
  private readonly dataDir: string;

  constructor(
    dataDir: string,
    private readonly logger?: Logger,
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

  async read<T extends Doc>(container: ContainerName, id: string, partitionKey: string): Promise<Versioned<T> | undefined> {
    ensureValidKey(container, id, partitionKey);
    const stored = await this.guard('read', () => readStoredDocument(this.documentPath(container, id, partitionKey)));
    return stored && stored.doc.id === id ? { doc: stored.doc as T, etag: stored.etag } : undefined;
  }

  async create<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    return this.write(container, doc, (current) => {
      if (current) throw new DocumentExistsError(container, doc.id);
    });
  }

  async replace<T extends Doc>(container: ContainerName, doc: T, options: WriteOptions = {}): Promise<Versioned<T>> {
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

  async delete(container: ContainerName, id: string, partitionKey: string, options: WriteOptions = {}): Promise<boolean> {
    ensureValidKey(container, id, partitionKey);
    const filePath = this.documentPath(container, id, partitionKey);
    return this.guard('delete', () =>
      this.locked(filePath, async () => {
        const current = await readStoredDocument(filePath);
        if (!current) return false;
        if (options.ifMatch !== undefined && options.ifMatch !== current.etag) {
          throw new VersionConflictError(container, id);
        }
        await fs.rm(filePath, { force: true });
        await flushFolder(path.dirname(filePath));
        return true;
      }),
    );
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
      return stored.map((entry) => entry.doc as T);
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
        check(await readStoredDocument(filePath));
        await writeFileAtomically(filePath, JSON.stringify({ etag, doc: written }));
      });
    });
    return { doc: written, etag };
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
