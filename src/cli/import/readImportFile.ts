import { readFile } from 'node:fs/promises';
import { UsageError } from '../reportFailure';

/** Reads an import file as UTF-8 text; a missing or unreadable file is a usage problem. */
export async function readImportFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`The file "${path}" does not exist.`);
    if (code === 'EISDIR') throw new UsageError(`"${path}" is a folder; give the path of a file.`);
    if (code === 'EACCES') throw new UsageError(`The file "${path}" cannot be read (permission denied).`);
    throw error;
  }
}
