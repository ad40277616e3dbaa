import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config/config';
import { CONTAINER_NAMES } from '../../store/containers';
import { migrateLegacyStore, type MigrationReport } from '../../store/legacy/migrateLegacyStore';
import { SqliteDocumentStore } from '../../store/sqlite/sqliteDocumentStore';
import type { TextOutput } from '../cliContext';
import { ReportedFailure, UsageError } from '../reportFailure';

export interface StoreMigrateDeps {
  env: NodeJS.ProcessEnv;
  out: TextOutput;
  err: TextOutput;
}

const LISTED = 20;

/**
 * `store migrate [--from <folder>]`: moves a store in the old one-file-per-document layout (by
 * default the one in DATA_DIR) into the database in DATA_DIR. The old folder is only read and is
 * kept; running the command again changes nothing and says so.
 */
export async function runStoreMigrate(
  deps: StoreMigrateDeps,
  options: { from?: string },
): Promise<MigrationReport> {
  const config = loadConfig(deps.env);
  if (config.store.kind !== 'embedded') {
    throw new UsageError(
      'store migrate moves the old file store into the embedded database in DATA_DIR, which is used only when COSMOS_ENDPOINT is empty. Unset COSMOS_ENDPOINT to run it.',
    );
  }
  const from = path.resolve(options.from ?? config.store.dataDir);
  ensureFolder(from);
  const target = new SqliteDocumentStore(config.store.dataDir, { acceptLegacyLayout: true });
  let report: MigrationReport;
  try {
    await target.init();
    report = await migrateLegacyStore(from, target);
  } finally {
    await target.close();
  }
  deps.out.write(`${describeMigration(report, from, target.file)}\n`);
  if (report.problems.length > 0) {
    deps.err.write(`${describeProblems(report, from)}\n`);
    throw new ReportedFailure('some files could not be moved');
  }
  return report;
}

function ensureFolder(folder: string): void {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UsageError(`--from: ${folder} is not a folder.`);
  }
}

export function describeMigration(report: MigrationReport, from: string, database: string): string {
  if (report.found === 0) {
    return `Nothing to move: ${from} holds no documents in the old layout (${CONTAINER_NAMES.join('/, ')}/ folders of .json files).`;
  }
  if (report.added === 0) {
    return [
      `Nothing to move: every document in ${from} is already in ${database}${report.expired > 0 ? ' or has expired' : ''}. Nothing was changed.`,
      ...describeCounts(report),
    ].join('\n');
  }
  return [
    `Moved ${report.added} document${report.added === 1 ? '' : 's'} from ${from} into ${database}.`,
    ...describeCounts(report),
    `The old folders in ${from} are kept and no longer used. Delete them once you are happy that everything is there.`,
  ].join('\n');
}

function describeCounts(report: MigrationReport): string[] {
  const lines = [`  found in the old folders: ${report.found}`, `  moved now: ${report.added}`];
  if (report.alreadyThere > 0) lines.push(`  already in the database: ${report.alreadyThere}`);
  if (report.expired > 0) lines.push(`  not moved, their time to live had run out: ${report.expired}`);
  if (report.differs.length > 0) {
    lines.push(
      `  changed in the database since an earlier move, so the database's version was kept: ${report.differs.length}`,
      ...report.differs.slice(0, LISTED).map((name) => `    ${name}`),
      ...(report.differs.length > LISTED ? [`    ... and ${report.differs.length - LISTED} more`] : []),
    );
  }
  return lines;
}

function describeProblems(report: MigrationReport, from: string): string {
  return [
    `${report.problems.length} file${report.problems.length === 1 ? '' : 's'} in ${from} could not be moved and stay${report.problems.length === 1 ? 's' : ''} there:`,
    ...report.problems.map((problem) => `  ${problem.file}: ${problem.reason}`),
  ].join('\n');
}
