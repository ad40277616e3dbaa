import type { SqliteDocumentStore } from '../sqlite/sqliteDocumentStore';
import { readLegacyStore, type LegacyProblem } from './readLegacyStore';

export interface MigrationReport {
  /** Document files found in the old layout. */
  found: number;
  added: number;
  alreadyThere: number;
  /** Their time to live had run out: already gone for the bot, so not brought over. */
  expired: number;
  /** In the database already with other content (changed since an earlier run); the database's kept. */
  differs: string[];
  /** Files that are not readable documents; they stay in the old folder. */
  problems: LegacyProblem[];
}

/**
 * Brings every document of an old-layout store into the database, with its version tag, last
 * write time and so its expiry. Reads the old folder only. Running it again adds nothing: a
 * document already in the database is never overwritten.
 */
export async function migrateLegacyStore(
  from: string,
  target: SqliteDocumentStore,
): Promise<MigrationReport> {
  const report: MigrationReport = {
    found: 0,
    added: 0,
    alreadyThere: 0,
    expired: 0,
    differs: [],
    problems: [],
  };
  for await (const entry of readLegacyStore(from)) {
    if (entry.kind === 'problem') {
      report.problems.push(entry);
      continue;
    }
    report.found += 1;
    const outcome = target.importDocument(entry.container, entry);
    if (outcome === 'added') report.added += 1;
    else if (outcome === 'already_there') report.alreadyThere += 1;
    else if (outcome === 'expired') report.expired += 1;
    else report.differs.push(`${entry.container}/${entry.doc.id}`);
  }
  return report;
}
