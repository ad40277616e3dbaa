import type { Dirent } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { TEMP_FILE_PATTERN } from './writeFileAtomically';

/**
 * Deletes temporary files left by writers that died mid-write (their process is gone). Files of a
 * live process, which may be another store working on the same folder, are left alone. Returns
 * how many were removed.
 */
export async function removeLeftoverTempFiles(folder: string, depth = 2): Promise<number> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const entry of entries) {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory() && depth > 0 && !entry.name.startsWith('.')) {
      removed += await removeLeftoverTempFiles(entryPath, depth - 1);
      continue;
    }
    const writerPid = entry.isFile() ? TEMP_FILE_PATTERN.exec(entry.name)?.[1] : undefined;
    if (writerPid !== undefined && !isProcessAlive(Number(writerPid))) {
      await fs.rm(entryPath, { force: true });
      removed += 1;
    }
  }
  return removed;
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
