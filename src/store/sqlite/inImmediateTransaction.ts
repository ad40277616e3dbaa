import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `work` inside `BEGIN IMMEDIATE ... COMMIT`: the write lock is taken before anything is
 * read, so a read-check-write cannot be overtaken by another connection or process in between
 * (another writer waits up to the busy timeout). Any error rolls the whole transaction back.
 * `work` must be synchronous: nothing else in this process can run while the transaction is open.
 */
export function inImmediateTransaction<R>(db: DatabaseSync, work: () => R): R {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may already have rolled back (a full disk, for one); then there is nothing to undo.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
