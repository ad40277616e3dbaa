import { partitionKeyField, type ContainerName } from '../../src/store/containers';
import {
  DocumentExistsError,
  DocumentNotFoundError,
  VersionConflictError,
  type Condition,
  type Doc,
  type DocumentStore,
  type Query,
  type Versioned,
  type WriteOptions,
} from '../../src/store/documentStore';

interface Stored {
  doc: Doc;
  etag: string;
}

/**
 * A small in-memory DocumentStore for tests of code that uses the port. It keeps the port's
 * behaviour that callers rely on (partitions, create conflicts, ETags) and nothing more.
 */
export class MemoryDocumentStore implements DocumentStore {
  private readonly containers = new Map<ContainerName, Map<string, Stored>>();
  private version = 0;
  closed = false;

  async init(): Promise<void> {}

  async ping(): Promise<void> {}

  async read<T extends Doc>(container: ContainerName, id: string, partitionKey: string): Promise<Versioned<T> | undefined> {
    const stored = this.itemsOf(container).get(keyOf(partitionKey, id));
    return stored && { doc: structuredClone(stored.doc) as T, etag: stored.etag };
  }

  async create<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    if (this.itemsOf(container).has(this.keyFor(container, doc))) throw new DocumentExistsError(container, doc.id);
    return this.write(container, doc);
  }

  async replace<T extends Doc>(container: ContainerName, doc: T, options?: WriteOptions): Promise<Versioned<T>> {
    const stored = this.itemsOf(container).get(this.keyFor(container, doc));
    if (!stored) throw new DocumentNotFoundError(container, doc.id);
    if (options?.ifMatch !== undefined && options.ifMatch !== stored.etag) throw new VersionConflictError(container, doc.id);
    return this.write(container, doc);
  }

  async upsert<T extends Doc>(container: ContainerName, doc: T): Promise<Versioned<T>> {
    return this.write(container, doc);
  }

  async delete(container: ContainerName, id: string, partitionKey: string, options?: WriteOptions): Promise<boolean> {
    const items = this.itemsOf(container);
    const stored = items.get(keyOf(partitionKey, id));
    if (!stored) return false;
    if (options?.ifMatch !== undefined && options.ifMatch !== stored.etag) throw new VersionConflictError(container, id);
    return items.delete(keyOf(partitionKey, id));
  }

  async query<T extends Doc>(container: ContainerName, query: Query = {}): Promise<T[]> {
    const field = partitionKeyField(container);
    let docs = [...this.itemsOf(container).values()].map((stored) => stored.doc);
    if (query.partitionKey !== undefined) docs = docs.filter((doc) => doc[field] === query.partitionKey);
    docs = docs.filter((doc) => (query.where ?? []).every((condition) => matches(doc, condition)));
    if (query.orderBy) {
      const { field: by, direction } = query.orderBy;
      const sign = direction === 'asc' ? 1 : -1;
      docs.sort((a, b) => sign * compare(a[by], b[by]));
    }
    return docs.slice(0, query.limit ?? docs.length).map((doc) => structuredClone(doc) as T);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private write<T extends Doc>(container: ContainerName, doc: T): Versioned<T> {
    this.version += 1;
    const etag = `"${this.version}"`;
    this.itemsOf(container).set(this.keyFor(container, doc), { doc: structuredClone(doc), etag });
    return { doc: structuredClone(doc), etag };
  }

  private keyFor(container: ContainerName, doc: Doc): string {
    return keyOf(String(doc[partitionKeyField(container)]), doc.id);
  }

  private itemsOf(container: ContainerName): Map<string, Stored> {
    let items = this.containers.get(container);
    if (!items) {
      items = new Map();
      this.containers.set(container, items);
    }
    return items;
  }
}

function keyOf(partitionKey: string, id: string): string {
  return JSON.stringify([partitionKey, id]);
}

function matches(doc: Doc, condition: Condition): boolean {
  const value = doc[condition.field];
  switch (condition.op) {
    case 'in':
      return condition.value.some((candidate) => candidate === value);
    case 'contains':
      return Array.isArray(value) && value.includes(condition.value);
    case '=':
      return value === condition.value;
    case '!=':
      return value !== condition.value;
    default:
      return compareWith(condition.op, compare(value, condition.value));
  }
}

function compareWith(op: '<' | '<=' | '>' | '>=', order: number): boolean {
  if (op === '<') return order < 0;
  if (op === '<=') return order <= 0;
  if (op === '>') return order > 0;
  return order >= 0;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [left, right] = [String(a), String(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}
