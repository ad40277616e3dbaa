import path from 'node:path';
import lockfile from 'proper-lockfile';
import { StoreUnavailableError } from '../documentStore';

/** A lock not refreshed for this long belonged to a process that died; it may be taken over. */
const STALE_AFTER_MS = 5_000;
/** Waits long enough to outlast a stale lock left by a killed process. */
const LOCK_RETRIES = { retries: 80, factor: 1.3, minTimeout: 5, maxTimeout: 100, randomize: true };

const queues = new Map<string, Promise<void>>();

/**
 * Runs `work` while holding the lock on one document file: first in turn with other calls in
 * this process, then with a `proper-lockfile` lock (a hidden `.<name>.lock` folder beside the file)
 * against other processes using the same data folder. Keep `work` short: read, check, write.
 */
export async function withDocumentLock<R>(
  filePath: string,
  work: () => Promise<R>,
  onCompromised: (error: Error) => void = () => undefined,
): Promise<R> {
  return inTurn(filePath, () => withFileLock(filePath, work, onCompromised));
}

async function inTurn<R>(key: string, work: () => Promise<R>): Promise<R> {
  const previous = queues.get(key) ?? Promise.resolve();
  const result = previous.then(work);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return result;
}

async function withFileLock<R>(
  filePath: string,
  work: () => Promise<R>,
  onCompromised: (error: Error) => void,
): Promise<R> {
  const lockfilePath = path.join(path.dirname(filePath), `.${path.basename(filePath)}.lock`);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(filePath, {
      realpath: false,
      lockfilePath,
      stale: STALE_AFTER_MS,
      update: 1_000,
      retries: LOCK_RETRIES,
      onCompromised,
    });
  } catch (error) {
    throw new StoreUnavailableError('embedded store: could not lock a document in time', error);
  }
  try {
    return await work();
  } finally {
    await release().catch(onCompromised);
  }
}
