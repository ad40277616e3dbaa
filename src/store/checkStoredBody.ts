import { partitionKeyField, type ContainerName } from './containers';
import type { Doc } from './documentStore';

export type StoredBodyCheck = { readable: true; doc: Doc } | { readable: false; reason: Error };

/**
 * Fields beyond the id and partition key without which a document is of no use to anyone: a
 * person with no name cannot be addressed or shown. Other shapes are the repositories' concern.
 */
const REQUIRED: Partial<Record<ContainerName, ReadonlyArray<readonly [string, 'string' | 'array']>>> = {
  people: [['name', 'string']],
};

function hasKind(value: unknown, kind: 'string' | 'array'): boolean {
  return kind === 'array' ? Array.isArray(value) : typeof value === 'string';
}

/**
 * Whether a stored body is a document this container can use: a JSON object with the id and
 * partition key it is stored under (and a person's name). The one
 * check both stores apply when they read, so "cannot be read" means the same on each.
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
  const missing = (REQUIRED[container] ?? []).find(([field, kind]) => !hasKind(doc[field], kind));
  if (missing) return { readable: false, reason: new Error(`the stored body has no usable ${missing[0]}`) };
  return { readable: true, doc };
}
