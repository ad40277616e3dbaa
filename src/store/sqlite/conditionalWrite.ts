import type { ContainerName } from '../containers';
import {
  DocumentExistsError,
  DocumentNotFoundError,
  VersionConflictError,
  type Doc,
  type Versioned,
} from '../documentStore';
import type { Statements } from './documentStatements';

/** What a write expects to find: no live document (create), a live one (replace), or anything (upsert). */
export interface Expected {
  absent?: true;
  present?: true;
  /** For a replace: the version tag the live document must still have. */
  ifMatch?: string;
}

/** A row as written: container, partition key, id, version tag, body, written at, expires at. */
export type WrittenRow = readonly [string, string, string, string, string, number, number | null];

/**
 * Writes the row in one statement if what is stored meets `expected` (live means not expired at
 * `now`): true when it was written, false when the store was found otherwise. SQLite runs one
 * statement atomically, taking the write lock before it checks the condition, so no other writer,
 * in this process or another, can come between the check and the write.
 */
export function writeInOneStatement(
  statements: Statements,
  row: WrittenRow,
  expected: Expected,
  now: number,
): boolean {
  if (expected.absent) return Number(statements.createUnlessLive.run(...row, now).changes) > 0;
  if (!expected.present) return Number(statements.write.run(...row).changes) > 0;
  const [container, partitionKey, id, etag, body, writtenAt, expiresAt] = row;
  const ifMatch = expected.ifMatch ?? null;
  const { changes } = statements.replaceLive.run(
    etag,
    body,
    writtenAt,
    expiresAt,
    container,
    partitionKey,
    id,
    now,
    ifMatch,
    ifMatch,
  );
  return Number(changes) > 0;
}

/** Throws the store's refusal when the live document (or its absence) is not what the write expects. */
export function ensureExpected(
  expected: Expected,
  container: ContainerName,
  id: string,
  current: { etag: string } | undefined,
): void {
  if (expected.absent && current) throw new DocumentExistsError(container, id);
  if (!expected.present) return;
  if (!current) throw new DocumentNotFoundError(container, id);
  if (expected.ifMatch !== undefined && expected.ifMatch !== current.etag)
    throw new VersionConflictError(container, id);
}

/**
 * The document as written, as a store hands it back: a copy of its own, parsed from the stored
 * text only when the caller looks at it (saving the bot's state never does).
 */
export function afterWriting<T extends Doc>(body: string, etag: string): Versioned<T> {
  let doc: T | undefined;
  return {
    etag,
    get doc(): T {
      doc ??= JSON.parse(body) as T;
      return doc;
    },
  };
}
