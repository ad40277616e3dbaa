import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Doc } from '../documentStore';
import { StoreUnavailableError } from '../documentStore';

/** What one document file holds: the document as written and its version tag. */
export interface StoredDocument {
  etag: string;
  doc: Doc;
}

const READ_BATCH = 64;

/** Reads one document file; undefined when there is none. */
export async function readStoredDocument(filePath: string): Promise<StoredDocument | undefined> {
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
  return parseStoredDocument(text, filePath);
}

/** Reads every document file in the given partition folders (hidden and temporary files are skipped). */
export async function readStoredDocuments(folders: readonly string[]): Promise<StoredDocument[]> {
  const files = (await Promise.all(folders.map(listDocumentFiles))).flat();
  const found: StoredDocument[] = [];
  for (let start = 0; start < files.length; start += READ_BATCH) {
    const batch = await Promise.all(files.slice(start, start + READ_BATCH).map(readStoredDocument));
    for (const stored of batch) if (stored) found.push(stored);
  }
  return found;
}

async function listDocumentFiles(folder: string): Promise<string[]> {
  try {
    const names = await fs.readdir(folder);
    return names
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .map((name) => path.join(folder, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function parseStoredDocument(text: string, filePath: string): StoredDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StoreUnavailableError(`embedded store: ${path.basename(filePath)} is not valid JSON`, error);
  }
  const candidate = parsed as Partial<StoredDocument> | null;
  if (
    !candidate ||
    typeof candidate.etag !== 'string' ||
    typeof candidate.doc !== 'object' ||
    candidate.doc === null
  ) {
    throw new StoreUnavailableError(`embedded store: ${path.basename(filePath)} is not a stored document`);
  }
  return { etag: candidate.etag, doc: candidate.doc };
}
