import { CONTAINERS, partitionKeyField, type ContainerName } from './containers';
import { InvalidDocumentError, MAX_READ_MANY, type Query } from './documentStore';

/** Characters Cosmos DB refuses in an id; refused by every adapter so they behave alike. */
const FORBIDDEN_ID_CHARACTERS = /[/\\?#]/;
const MAX_ID_LENGTH = 255;

/** Throws InvalidDocumentError unless the document has a usable id and partition key. */
export function ensureValidDocument(
  container: ContainerName,
  doc: unknown,
): { id: string; partitionKey: string } {
  ensureKnownContainer(container);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InvalidDocumentError(`${container}: a document must be an object`);
  }
  const record = doc as Record<string, unknown>;
  const field = partitionKeyField(container);
  const id = record.id;
  const partitionKey = record[field];
  ensureValidKey(container, id, partitionKey, field);
  return { id: id as string, partitionKey: partitionKey as string };
}

/** Throws InvalidDocumentError unless the id and partition key are non-empty strings and the id is usable. */
export function ensureValidKey(
  container: ContainerName,
  id: unknown,
  partitionKey: unknown,
  field: string = partitionKeyField(container),
): void {
  ensureKnownContainer(container);
  if (typeof id !== 'string' || id === '') {
    throw new InvalidDocumentError(`${container}: id must be a non-empty string`);
  }
  if (id.length > MAX_ID_LENGTH || FORBIDDEN_ID_CHARACTERS.test(id)) {
    throw new InvalidDocumentError(
      `${container}: id must be at most ${MAX_ID_LENGTH} characters without / \\ ? #`,
    );
  }
  ensureValidPartitionKey(container, partitionKey, field);
}

function ensureValidPartitionKey(container: ContainerName, partitionKey: unknown, field: string): void {
  if (typeof partitionKey !== 'string' || partitionKey === '') {
    throw new InvalidDocumentError(`${container}: ${field} (the partition key) must be a non-empty string`);
  }
}

/**
 * Throws InvalidDocumentError unless every id and the partition key are usable and there are at
 * most MAX_READ_MANY ids; returns the ids once each, in the order first given.
 */
export function ensureValidKeys(
  container: ContainerName,
  partitionKey: unknown,
  ids: readonly unknown[],
): string[] {
  ensureKnownContainer(container);
  if (!Array.isArray(ids)) throw new InvalidDocumentError(`${container}: ids must be a list`);
  const distinct = [...new Set(ids)];
  if (distinct.length > MAX_READ_MANY)
    throw new InvalidDocumentError(`${container}: at most ${MAX_READ_MANY} ids can be read at once`);
  ensureValidPartitionKey(container, partitionKey, partitionKeyField(container));
  for (const id of distinct) ensureValidKey(container, id, partitionKey);
  return distinct as string[];
}

export function ensureKnownContainer(container: string): void {
  if (!Object.prototype.hasOwnProperty.call(CONTAINERS, container)) {
    throw new InvalidDocumentError(`unknown container "${container}"`);
  }
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Throws InvalidDocumentError unless every field named in the query is a plain top-level name. */
export function ensureValidQuery(query: Query): void {
  const fields = [
    ...(query.where ?? []).map((condition) => condition.field),
    ...(query.orderBy ? [query.orderBy.field] : []),
  ];
  for (const field of fields) {
    if (!FIELD_NAME.test(field))
      throw new InvalidDocumentError(`query: "${field}" is not a top-level field name`);
  }
  for (const condition of query.where ?? []) {
    if (condition.op === 'in' && !Array.isArray(condition.value)) {
      throw new InvalidDocumentError(`query: "in" on ${condition.field} needs a list of values`);
    }
  }
  if (query.limit !== undefined && !(Number.isSafeInteger(query.limit) && query.limit >= 0)) {
    throw new InvalidDocumentError('query: limit must be a whole number, zero or more');
  }
  if (
    query.partitionKey !== undefined &&
    (typeof query.partitionKey !== 'string' || query.partitionKey === '')
  ) {
    throw new InvalidDocumentError('query: partitionKey must be a non-empty string');
  }
}
