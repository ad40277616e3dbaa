import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONTAINER_NAMES } from '../containers';
import { StoreError } from '../documentStore';

/**
 * DATA_DIR holds documents in the old layout (one JSON file per document) and no database yet.
 * Starting would show an empty store (or the demo Trust) and leave the real data behind.
 */
export class LegacyLayoutError extends StoreError {
  constructor(readonly dataDir: string) {
    super(
      `DATA_DIR (${dataDir}) holds data in the old layout, one file per document, and no database yet. ` +
        'Move it into the database with `npm run cli -- store migrate`, then start again. ' +
        'Nothing has been changed.',
      'unavailable',
    );
    this.name = 'LegacyLayoutError';
  }
}

/** Throws LegacyLayoutError when `dataDir` holds at least one document file in the old layout. */
export async function ensureNoLegacyLayoutAlone(dataDir: string): Promise<void> {
  if (await holdsLegacyDocuments(dataDir)) throw new LegacyLayoutError(dataDir);
}

/** True when some `<folder>/<container>/<partition>/<id>.json` exists. */
export async function holdsLegacyDocuments(folder: string): Promise<boolean> {
  for (const container of CONTAINER_NAMES) {
    for (const partition of await listEntries(path.join(folder, container), 'folders')) {
      if ((await listEntries(partition, 'documents')).length > 0) return true;
    }
  }
  return false;
}

/**
 * The partition folders of a container folder, or the document files of a partition folder, in
 * name order. Hidden entries (lock folders, temporary files of unfinished writes) are left out.
 */
export async function listEntries(folder: string, kind: 'folders' | 'documents'): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
  return entries
    .filter((entry) => !entry.name.startsWith('.'))
    .filter((entry) =>
      kind === 'folders' ? entry.isDirectory() : entry.isFile() && entry.name.endsWith('.json'),
    )
    .map((entry) => path.join(folder, entry.name))
    .sort();
}
