import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** The prepared statements of the embedded store, compiled once per connection. */
export interface Statements {
  readLive: StatementSync;
  /** Live documents of one partition whose ids are in a JSON array of ids. */
  readManyLive: StatementSync;
  readVersion: StatementSync;
  write: StatementSync;
  /** Writes a live document only when its version tag is the one quoted (any tag when null). */
  replaceLive: StatementSync;
  /** Writes a document only when there is no live one (an expired row is written over). */
  createUnlessLive: StatementSync;
  remove: StatementSync;
  queryPartition: StatementSync;
  queryContainer: StatementSync;
  purge: StatementSync;
}

const LIVE = '(expires_at IS NULL OR expires_at > ?)';
const COLUMNS = 'partition_key, id, etag, body';

export function prepareStatements(db: DatabaseSync): Statements {
  return {
    readLive: db.prepare(
      `SELECT ${COLUMNS} FROM documents WHERE container = ? AND partition_key = ? AND id = ? AND ${LIVE}`,
    ),
    readManyLive: db.prepare(
      `SELECT ${COLUMNS} FROM documents WHERE container = ? AND partition_key = ?
       AND id IN (SELECT value FROM json_each(?)) AND ${LIVE}`,
    ),
    readVersion: db.prepare(
      'SELECT etag, expires_at FROM documents WHERE container = ? AND partition_key = ? AND id = ?',
    ),
    write: db.prepare(
      `INSERT INTO documents (container, partition_key, id, etag, body, written_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (container, partition_key, id) DO UPDATE SET
         etag = excluded.etag, body = excluded.body,
         written_at = excluded.written_at, expires_at = excluded.expires_at`,
    ),
    replaceLive: db.prepare(
      `UPDATE documents SET etag = ?, body = ?, written_at = ?, expires_at = ?
       WHERE container = ? AND partition_key = ? AND id = ? AND ${LIVE} AND (? IS NULL OR etag = ?)`,
    ),
    createUnlessLive: db.prepare(
      `INSERT INTO documents (container, partition_key, id, etag, body, written_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (container, partition_key, id) DO UPDATE SET
         etag = excluded.etag, body = excluded.body,
         written_at = excluded.written_at, expires_at = excluded.expires_at
       WHERE documents.expires_at IS NOT NULL AND documents.expires_at <= ?`,
    ),
    remove: db.prepare('DELETE FROM documents WHERE container = ? AND partition_key = ? AND id = ?'),
    queryPartition: db.prepare(
      `SELECT ${COLUMNS} FROM documents WHERE container = ? AND partition_key = ? AND ${LIVE}`,
    ),
    queryContainer: db.prepare(`SELECT ${COLUMNS} FROM documents WHERE container = ? AND ${LIVE}`),
    purge: db.prepare('DELETE FROM documents WHERE expires_at IS NOT NULL AND expires_at <= ?'),
  };
}
