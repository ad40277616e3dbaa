import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ensureValidDocument } from '../checkDocument';
import { CONTAINER_NAMES, type ContainerName } from '../containers';
import type { Doc } from '../documentStore';
import { encodeFileName } from './encodeFileName';
import { listEntries } from './findLegacyLayout';

/** A document file of the old layout, read whole. */
export interface LegacyDocument {
  kind: 'document';
  container: ContainerName;
  /** The file, relative to the store's folder. */
  file: string;
  doc: Doc;
  etag: string;
  /** The file's modification time: the document's last write, from which its `ttl` counts. */
  writtenAt: number;
}

/** A file of the old layout that cannot be brought over, and why. */
export interface LegacyProblem {
  kind: 'problem';
  file: string;
  reason: string;
}

/**
 * Reads, without changing anything, a store in the old embedded layout: one JSON file
 * `{ "etag": ..., "doc": {...} }` per document at `<folder>/<container>/<encoded partition key>/
 * <encoded id>.json`. Yields every document, one at a time, and every file that is not one.
 */
export async function* readLegacyStore(folder: string): AsyncGenerator<LegacyDocument | LegacyProblem> {
  for (const container of CONTAINER_NAMES) {
    for (const partition of await listEntries(path.join(folder, container), 'folders')) {
      for (const file of await listEntries(partition, 'documents')) {
        yield await readLegacyFile(folder, container, file);
      }
    }
  }
}

async function readLegacyFile(
  folder: string,
  container: ContainerName,
  file: string,
): Promise<LegacyDocument | LegacyProblem> {
  const relative = path.relative(folder, file);
  const problem = (reason: string): LegacyProblem => ({ kind: 'problem', file: relative, reason });
  const [text, stats] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
  let stored: { etag?: unknown; doc?: unknown };
  try {
    stored = JSON.parse(text) as typeof stored;
  } catch {
    return problem('not valid JSON (cut short or damaged)');
  }
  if (typeof stored?.etag !== 'string' || typeof stored.doc !== 'object' || stored.doc === null) {
    return problem('not a stored document ({ "etag": ..., "doc": {...} })');
  }
  let key: { id: string; partitionKey: string };
  try {
    key = ensureValidDocument(container, stored.doc);
  } catch (error) {
    return problem((error as Error).message);
  }
  const expected = path.join(container, encodeFileName(key.partitionKey), `${encodeFileName(key.id)}.json`);
  if (expected !== relative) return problem(`holds ${container}/${key.id}, which belongs in ${expected}`);
  return {
    kind: 'document',
    container,
    file: relative,
    doc: stored.doc as Doc,
    etag: stored.etag,
    writtenAt: Math.round(stats.mtimeMs),
  };
}
