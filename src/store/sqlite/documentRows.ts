import { checkStoredBody, type StoredBodyCheck } from '../checkStoredBody';
import type { ContainerName } from '../containers';
import type { Doc } from '../documentStore';

/** One row of the `documents` table, as SQLite returns it. */
export interface DocumentRow {
  partition_key: string;
  id: string;
  etag: string;
  body: string;
}

export type ParsedRow = StoredBodyCheck;

/**
 * The document a row holds, or why it cannot be read: its body is not JSON, or not a document of
 * this container (checkStoredBody). A damaged row is reported, never thrown, so it stays that
 * document's problem.
 */
export function parseDocumentRow(container: ContainerName, row: DocumentRow): ParsedRow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.body);
  } catch (error) {
    return { readable: false, reason: error as Error };
  }
  return checkStoredBody(container, parsed, { id: row.id, partitionKey: row.partition_key });
}

/**
 * When a document written at `writtenAt` expires, as Cosmos DB applies `ttl`: a positive number
 * of seconds after its last write. Undefined (never) without one, or for -1 ("keep").
 */
export function expiryOf(doc: Doc, writtenAt: number): number | undefined {
  const ttl = doc.ttl;
  if (typeof ttl !== 'number' || !(ttl > 0)) return undefined;
  const expiresAt = writtenAt + Math.round(ttl * 1000);
  return Number.isSafeInteger(expiresAt) ? expiresAt : undefined;
}
