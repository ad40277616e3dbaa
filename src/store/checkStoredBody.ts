import { REQUEST_STATES } from '../domain/requests';
import { partitionKeyField, type ContainerName } from './containers';
import type { Doc } from './documentStore';

export type StoredBodyCheck = { readable: true; doc: Doc } | { readable: false; reason: Error };

type FieldCheck = (value: unknown) => boolean;

const isText: FieldCheck = (value) => typeof value === 'string';
/** An instant the code compares and formats: a string that parses as a date and time. */
const isInstant: FieldCheck = (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const oneOf =
  (values: readonly string[]): FieldCheck =>
  (value) =>
    typeof value === 'string' && values.includes(value);
const optional =
  (check: FieldCheck): FieldCheck =>
  (value) =>
    value === undefined || check(value);

/**
 * Fields beyond the id and partition key that the code relies on when it reads a document, so a
 * document without them cannot be used: a person with no name cannot be addressed; a request
 * with no known state cannot be decided on, and its times must parse. Other shapes are the
 * repositories' concern.
 */
const REQUIRED: Partial<Record<ContainerName, ReadonlyArray<readonly [string, FieldCheck]>>> = {
  people: [['name', isText]],
  requests: [
    ['state', oneOf(REQUEST_STATES)],
    ['start', optional(isInstant)],
    ['end', optional(isInstant)],
    ['createdAt', optional(isInstant)],
  ],
};

/**
 * Whether a stored body is a document this container can use: a JSON object with the id and
 * partition key it is stored under, and the fields the code relies on (REQUIRED). The one check
 * both stores apply when they read, so "cannot be read" means the same on each.
 */
export function checkStoredBody(
  container: ContainerName,
  body: unknown,
  stored: { id: string; partitionKey?: string },
): StoredBodyCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { readable: false, reason: new Error('the stored body is not a JSON object') };
  const doc = body as Doc;
  if (doc.id !== stored.id) return { readable: false, reason: new Error('the stored body names another id') };
  const keyField = partitionKeyField(container);
  const key = doc[keyField];
  if (typeof key !== 'string' || (stored.partitionKey !== undefined && key !== stored.partitionKey))
    return { readable: false, reason: new Error(`the stored body has no usable ${keyField}`) };
  const missing = (REQUIRED[container] ?? []).find(([field, check]) => !check(doc[field]));
  if (missing) return { readable: false, reason: new Error(`the stored body has no usable ${missing[0]}`) };
  return { readable: true, doc };
}
