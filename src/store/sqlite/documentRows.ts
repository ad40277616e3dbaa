import type { Doc } from '../documentStore';

/** One row of the `documents` table, as SQLite returns it. */
export interface DocumentRow {
  partition_key: string;
  id: string;
  etag: string;
  body: string;
}

export type ParsedRow = { readable: true; doc: Doc } | { readable: false; reason: unknown };

/**
 * The document a row holds, or why it cannot be read: its body is not JSON, not an object, or
 * names another id. A damaged row is reported, never thrown, so it stays that document's problem.
 */
export function parseDocumentRow(row: DocumentRow): ParsedRow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.body);
  } catch (error) {
    return { readable: false, reason: error };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { readable: false, reason: new Error('the stored body is not a JSON object') };
  }
  if ((parsed as Doc).id !== row.id) {
    return { readable: false, reason: new Error('the stored body names another id') };
  }
  return { readable: true, doc: parsed as Doc };
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
