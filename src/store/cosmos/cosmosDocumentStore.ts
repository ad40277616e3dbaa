import type { Container, CosmosClient, ItemDefinition, RequestOptions } from '@azure/cosmos';
import type { Logger } from '../../logging/logger';
import { ensureKnownContainer, ensureValidDocument, ensureValidKey, ensureValidKeys } from '../checkDocument';
import { CONTAINER_NAMES, partitionKeyField, type ContainerName } from '../containers';
import { checkStoredBody } from '../checkStoredBody';
import { DamageLog } from '../damageLog';
import {
  UnreadableDocumentError,
  type Doc,
  type DocumentStore,
  type Query,
  type Versioned,
  type WriteOptions,
} from '../documentStore';
import { quarantineDocument, quarantineId } from '../quarantineDocument';
import { buildReadManySql, buildSql } from './buildSql';
import { checkContainers, MissingContainersError } from './checkContainers';
import { createCosmosClient, type CosmosConnection } from './createCosmosClient';
import { stripSystemProperties } from './stripSystemProperties';
import { statusOf, toStoreError } from './toStoreError';

export interface CosmosStoreOptions extends Omit<CosmosConnection, 'requestTimeoutMs'> {
  database: string;
  requestTimeoutMs?: number;
  /** Results per page when a query is read; every page is read. */
  pageSize?: number;
  /** Where unreadable documents are counted (a fresh log when absent). */
  damage?: DamageLog;
}

/** How many ids `readMany` reads one by one before one query is cheaper. */
export const POINT_READS_UP_TO = 2;

/** A call's deadline, in request timeouts: one request (with a retry), or a query of every page. */
const POINT_DEADLINE = 2;
const QUERY_DEADLINE = 6;

/** The Cosmos DB adapter of the storage port (NoSQL API, one container per entry in CONTAINERS). */
export class CosmosDocumentStore implements DocumentStore {
  readonly damage: DamageLog;
  private readonly client: CosmosClient;
  private readonly requestTimeoutMs: number;
  private readonly pageSize: number;

  constructor(
    private readonly options: CosmosStoreOptions,
    private readonly logger?: Logger,
  ) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 2_500;
    this.pageSize = options.pageSize ?? 100;
    this.damage = options.damage ?? new DamageLog();
    this.client = createCosmosClient({ ...options, requestTimeoutMs: this.requestTimeoutMs });
  }

  /**
   * With an account key (local use, the emulator) the database and containers are created if
   * missing. Signed in with Entra ID, the data role cannot create them: each is checked instead,
   * and a MissingContainersError names what is missing and the command that creates it.
   */
  async init(): Promise<void> {
    if (!this.options.key) return this.checkContainersExist();
    await this.attempt('init', 'database', undefined, async () => {
      const { database } = await this.withDeadline((options) =>
        this.client.databases.createIfNotExists({ id: this.options.database }, options),
      );
      for (const container of CONTAINER_NAMES) {
        const partitionKey = { paths: [`/${partitionKeyField(container)}`] };
        // TTL on, with no default: a document expires only when it carries its own `ttl`.
        await this.withDeadline((options) =>
          database.containers.createIfNotExists({ id: container, partitionKey, defaultTtl: -1 }, options),
        );
      }
    });
  }

  private async checkContainersExist(): Promise<void> {
    const database = this.client.database(this.options.database);
    const problems = await this.attempt('init', 'database', undefined, async () => {
      try {
        return await this.withDeadline((options) => checkContainers(database, options));
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    });
    if (problems === undefined)
      throw new MissingContainersError([], this.options.endpoint, this.options.database, true);
    if (problems.length > 0)
      throw new MissingContainersError(problems, this.options.endpoint, this.options.database);
  }

  async ping(): Promise<void> {
    await this.attempt('ping', 'account', undefined, () =>
      this.withDeadline((options) => this.client.getDatabaseAccount(options)),
    );
  }

  async read<T extends Doc>(
    container: ContainerName,
    id: string,
    partitionKey: string,
  ): Promise<Versioned<T> | undefined> {
    ensureValidKey(container, id, partitionKey);
    return this.pointRead<T>(container, id, partitionKey);
  }

  /** One point read; the id and partition key are already checked. */
  private async pointRead<T extends Doc>(
    container: ContainerName,
    id: string,
    partitionKey: string,
  ): Promise<Versioned<T> | undefined> {
    try {
      const item = this.container(container).item(id, partitionKey);
      const response = await this.withDeadline((options) => item.read<ItemDefinition>(options));
      if (!response.resource) return undefined;
      const found = toVersioned<T>(response.resource, response.etag);
      this.ensureReadable(container, found.doc, { id, partitionKey });
      return found;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw this.fail(error, 'read', container, undefined);
    }
  }

  /**
   * Up to POINT_READS_UP_TO ids, a point read each, side by side; more, one query scoped to the
   * partition (`c.id IN (...)`), with a query-plan request the SDK sends beside it that nothing
   * waits for. A point read costs about 1 RU and a small query about 2.3-3 RU, so the query saves
   * request units and HTTP requests from 3 ids on (see docs/benchmarks.md).
   */
  async readMany<T extends Doc>(
    container: ContainerName,
    partitionKey: string,
    ids: readonly string[],
  ): Promise<Array<Versioned<T>>> {
    const wanted = ensureValidKeys(container, partitionKey, ids);
    if (wanted.length === 0) return [];
    if (wanted.length <= POINT_READS_UP_TO) {
      const found = await Promise.all(wanted.map((id) => this.pointRead<T>(container, id, partitionKey)));
      return found.filter((one): one is Versioned<T> => one !== undefined);
    }
    const spec = buildReadManySql(partitionKeyField(container), partitionKey, wanted);
    const resources = await this.attempt('read', container, undefined, () =>
      this.withDeadline(async ({ abortSignal }) => {
        const iterator = this.container(container).items.query<ItemDefinition>(spec, {
          partitionKey,
          maxItemCount: this.pageSize,
          abortSignal,
        });
        return (await iterator.fetchAll()).resources;
      }, QUERY_DEADLINE),
    );
    const byId = new Map(resources.map((resource) => [String(resource.id), resource]));
    const found: Array<Versioned<T>> = [];
    const damaged: UnreadableDocumentError[] = [];
    for (const id of wanted) {
      const resource = byId.get(id);
      if (!resource) continue;
      const read = toVersioned<T>(resource, undefined);
      const checked = checkStoredBody(container, read.doc, { id, partitionKey });
      if (checked.readable) found.push(read);
      else damaged.push(this.unreadable(container, id, partitionKey, checked.reason));
    }
    if (damaged[0]) throw damaged[0];
    return found;
  }

  async create<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    ensureValidDocument(container, doc);
    return this.attempt('create', container, doc.id, async () => {
      const items = this.container(container).items;
      const response = await this.withDeadline((options) => items.create<ItemDefinition>(doc, options));
      return toVersioned<T>(response.resource, response.etag);
    });
  }

  async replace<T extends Doc>(
    container: ContainerName,
    doc: T,
    options: WriteOptions = {},
  ): Promise<Versioned<T>> {
    const { partitionKey } = ensureValidDocument(container, doc);
    return this.attempt('replace', container, doc.id, async () => {
      const item = this.container(container).item(doc.id, partitionKey);
      const response = await this.withDeadline(
        (request) => item.replace<ItemDefinition>(doc, request),
        POINT_DEADLINE,
        options.ifMatch,
      );
      return toVersioned<T>(response.resource, response.etag);
    });
  }

  async upsert<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    ensureValidDocument(container, doc);
    return this.attempt('upsert', container, doc.id, async () => {
      const items = this.container(container).items;
      const response = await this.withDeadline((options) => items.upsert<ItemDefinition>(doc, options));
      return toVersioned<T>(response.resource, response.etag);
    });
  }

  async delete(
    container: ContainerName,
    id: string,
    partitionKey: string,
    options: WriteOptions = {},
  ): Promise<boolean> {
    ensureValidKey(container, id, partitionKey);
    try {
      const item = this.container(container).item(id, partitionKey);
      await this.withDeadline((request) => item.delete(request), POINT_DEADLINE, options.ifMatch);
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw this.fail(error, 'delete', container, id);
    }
  }

  async query<T extends Doc>(container: ContainerName, query: Query = {}): Promise<T[]> {
    return (await this.versionsOf<T>(container, query)).map((found) => found.doc);
  }

  queryVersioned<T extends Doc>(container: ContainerName, query: Query = {}): Promise<Array<Versioned<T>>> {
    return this.versionsOf<T>(container, query);
  }

  private versionsOf<T extends Doc>(container: ContainerName, query: Query): Promise<Array<Versioned<T>>> {
    ensureKnownContainer(container);
    const spec = buildSql(query, partitionKeyField(container));
    return this.attempt('query', container, undefined, async () => {
      const { resources } = await this.withDeadline(({ abortSignal }) => {
        const iterator = this.container(container).items.query<ItemDefinition>(spec, {
          ...(query.partitionKey === undefined ? {} : { partitionKey: query.partitionKey }),
          maxItemCount: this.pageSize,
          abortSignal,
        });
        return iterator.fetchAll();
      }, QUERY_DEADLINE);
      // A document that cannot be read is that document's problem: logged, counted and skipped.
      return resources
        .map((resource) => toVersioned<T>(resource, undefined))
        .filter((found) => this.isReadable(container, found.doc, query.partitionKey));
    });
  }

  async setAside(
    container: ContainerName,
    id: string,
    partitionKey: string,
    at: Date,
  ): Promise<string | undefined> {
    ensureValidKey(container, id, partitionKey);
    const document = { container, partitionKey, id };
    const item = this.container(container).item(id, partitionKey);
    const found = await this.attempt('set aside', container, id, async () => {
      try {
        return await this.withDeadline((options) => item.read<ItemDefinition>(options));
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    });
    if (!found?.resource) {
      const kept = await this.read('quarantine', quarantineId(document), container);
      return kept?.doc.id;
    }
    const doc = stripSystemProperties(found.resource) as Doc;
    if (checkStoredBody(container, doc, { id, partitionKey }).readable) return undefined;
    // Kept first, then removed only if unchanged since: the text is never in neither place.
    const kept = quarantineDocument(document, JSON.stringify(doc), at);
    await this.upsert('quarantine', kept);
    await this.delete(container, id, partitionKey, found.etag ? { ifMatch: found.etag } : {});
    this.damage.forget(document);
    return kept.id;
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  /** Throws UnreadableDocumentError (logged and counted) when the document is not one this container can use. */
  private ensureReadable(
    container: ContainerName,
    doc: Doc,
    stored: { id: string; partitionKey: string },
  ): void {
    const checked = checkStoredBody(container, doc, stored);
    if (checked.readable) return;
    throw this.unreadable(container, String(doc.id ?? stored.id), stored.partitionKey, checked.reason);
  }

  private isReadable(container: ContainerName, doc: Doc, partitionKey: string | undefined): boolean {
    const checked = checkStoredBody(container, doc, { id: String(doc.id) });
    if (!checked.readable) {
      const key = doc[partitionKeyField(container)];
      this.unreadable(
        container,
        String(doc.id),
        typeof key === 'string' ? key : (partitionKey ?? ''),
        checked.reason,
      );
    }
    return checked.readable;
  }

  private unreadable(
    container: string,
    id: string,
    partitionKey: string,
    reason: Error,
  ): UnreadableDocumentError {
    this.damage.record({ container, partitionKey, id });
    this.logger?.warn(
      { container, partitionKey, id, err: reason },
      'cosmos: a stored document cannot be read',
    );
    return new UnreadableDocumentError(container, id, reason);
  }

  private container(name: ContainerName): Container {
    return this.client.database(this.options.database).container(name);
  }

  /**
   * Runs one call with request options carrying a deadline (a backstop to the SDK's own timeout:
   * `POINT_DEADLINE` or `QUERY_DEADLINE` times the request timeout) and an optional version
   * condition. The deadline's timer is cleared when the call ends: AbortSignal.timeout's would
   * fire later for every call, building a TimeoutError with its stack trace each time.
   */
  private async withDeadline<R>(
    work: (options: RequestOptions & { abortSignal: AbortSignal }) => Promise<R>,
    timeouts = POINT_DEADLINE,
    ifMatch?: string,
  ): Promise<R> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('The store did not answer in time.', 'TimeoutError')),
      this.requestTimeoutMs * timeouts,
    );
    try {
      return await work({
        abortSignal: controller.signal,
        ...(ifMatch === undefined ? {} : { accessCondition: { type: 'IfMatch', condition: ifMatch } }),
      });
    } finally {
      clearTimeout(timer);
    }
  }

  private async attempt<R>(
    operation: string,
    container: string,
    id: string | undefined,
    work: () => Promise<R>,
  ): Promise<R> {
    try {
      return await work();
    } catch (error) {
      throw this.fail(error, operation, container, id);
    }
  }

  private fail(error: unknown, operation: string, container: string, id: string | undefined): Error {
    const mapped = toStoreError(error, container, id, operation);
    if (mapped.code === 'unavailable')
      this.logger?.warn({ operation, container, status: statusOf(error) }, mapped.message);
    return mapped;
  }
}

function toVersioned<T extends Doc>(
  resource: ItemDefinition | undefined,
  etag: string | undefined,
): Versioned<T> {
  if (!resource) throw new Error('Cosmos DB returned no document');
  const tag = typeof resource._etag === 'string' ? resource._etag : etag;
  if (!tag) throw new Error('Cosmos DB returned a document without an etag');
  return { doc: stripSystemProperties(resource) as T, etag: tag };
}
