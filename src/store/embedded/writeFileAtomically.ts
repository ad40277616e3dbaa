import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Temporary files are hidden, name their writer's process id and end in `.tmp`. */
export const TEMP_FILE_PATTERN = /^\..*\.(\d+)\.[0-9a-f]+\.tmp$/;

/**
 * Replaces `filePath` with `content` so that readers (and a crash) see either the old file or the
 * new one, never a mixture: write a temporary file in the same folder, flush it to disk, rename it
 * over the target, then flush the folder so the rename itself survives a power cut.
 */
export async function writeFileAtomically(filePath: string, content: string): Promise<void> {
  const folder = path.dirname(filePath);
  const tempPath = path.join(
    folder,
    `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeAndFlush(tempPath, content);
    await fs.rename(tempPath, filePath);
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await flushFolder(folder);
}

async function writeAndFlush(filePath: string, content: string): Promise<void> {
  const handle = await fs.open(filePath, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries. Some platforms (Windows) cannot open a folder; the rename is still atomic there. */
export async function flushFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Best effort: durability of the rename, not its atomicity, depends on this.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
