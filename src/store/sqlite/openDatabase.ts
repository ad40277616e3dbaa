import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { StoreUnavailableError } from '../documentStore';
import { inImmediateTransaction } from './inImmediateTransaction';

/** The database file inside DATA_DIR; SQLite keeps `-wal` and `-shm` files beside it. */
export const DATABASE_FILE_NAME = 'shadowing.db';

/**
 * How long a write waits for another process holding the database before giving up. Writes hold
 * it for well under a millisecond, so this is only reached when the other process is stuck.
 */
export const BUSY_TIMEOUT_MS = 5_000;

const SCHEMA_VERSION = 1;

/**
 * One table for every container. The version tag (`etag`) is a column, so a conditional write
 * compares it without reading the document. `written_at` and `expires_at` are milliseconds since
 * 1970 by the store's clock; `expires_at` is set only for a document with a positive `ttl`.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (
    container     TEXT NOT NULL,
    partition_key TEXT NOT NULL,
    id            TEXT NOT NULL,
    etag          TEXT NOT NULL,
    body          TEXT NOT NULL,
    written_at    INTEGER NOT NULL,
    expires_at    INTEGER,
    PRIMARY KEY (container, partition_key, id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS documents_expiry ON documents (expires_at) WHERE expires_at IS NOT NULL;
`;

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE_NAME);
}

/**
 * Opens (creating if needed) the database in `dataDir`: write-ahead log, so readers never wait for
 * a writer and a killed process leaves the last committed state; `synchronous=NORMAL`, so a commit
 * survives the process being killed without waiting for the disk (a power cut can lose the last
 * moments of writes, never leave a half-written one); a busy timeout, so two processes share the
 * file by taking turns.
 */
export function openDatabase(dataDir: string, busyTimeoutMs = BUSY_TIMEOUT_MS): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(databasePath(dataDir), { timeout: busyTimeoutMs });
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    inImmediateTransaction(db, () => {
      const version = Number(readPragma(db, 'user_version'));
      if (version > SCHEMA_VERSION) {
        throw new StoreUnavailableError(
          `embedded store: ${DATABASE_FILE_NAME} was written by a newer version of the bot (schema ${version}); update the bot`,
        );
      }
      db.exec(SCHEMA);
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function readPragma(db: DatabaseSync, name: string): unknown {
  const row = db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown> | undefined;
  return row ? Object.values(row)[0] : undefined;
}
