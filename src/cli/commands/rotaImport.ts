import { basename, extname } from 'node:path';
import type { IncomingShift } from '../../domain/import/mergeShifts';
import { parseIcs } from '../../domain/import/parseIcs';
import { parseRotaCsv, type ShiftImport } from '../../domain/import/parseRotaCsv';
import { loadSettingsFile, SettingsFileError } from '../../config/loadSettingsFile';
import { CODE_MAPPING_SCHEMA, mergeCodeMapping, type CodeMapping } from '../../domain/import/shiftCodes';
import type { DocumentStore } from '../../store/documentStore';
import { PeopleRepository } from '../../store/repositories/peopleRepository';
import { RotaRepository } from '../../store/repositories/rotaRepository';
import type { TextOutput } from '../cliContext';
import { chooseProgress, formatCount } from '../import/progressBar';
import { readImportFile } from '../import/readImportFile';
import { enforceAllOrNothing } from '../import/reportBadRows';
import { writeImportedShifts, type ShiftWriteResult } from '../import/writeImportedShifts';
import { describeRotaRecheck, recheckImportedRota } from '../import/recheckImportedRota';
import type { RotaRecheckSummary } from '../../app/recheckAfterRotaChange';
import { UsageError } from '../reportFailure';

export interface RotaImportDeps {
  store: DocumentStore;
  out: TextOutput;
  /** Bad rows and the progress bar; the bar is drawn only when this is a terminal. */
  err: TextOutput & { isTTY?: boolean };
  /** The clock visits still to come are judged by; the system clock without it. */
  now?: () => Date;
  /** Settings, for WORKING_TIME_RULES_FILE; the shipped rules without it. */
  env?: NodeJS.ProcessEnv;
}

export interface RotaImportOptions {
  file: string;
  /** A JSON code mapping file, added to the default mapping. */
  codes?: string;
  /** Whose rota an iCalendar file holds. */
  person?: string;
  skipInvalid: boolean;
  /**
   * The file is the roster for the people it lists: over the days it covers for each of them,
   * their shifts from earlier file imports that it no longer lists are removed.
   */
  replace?: boolean;
}

export interface RotaImportResult extends ShiftWriteResult {
  badRows: number;
  /** The open visits of the people whose rota changed, checked again. */
  recheck: RotaRecheckSummary;
}

/**
 * `rota import <file>`: reads a rota CSV or an iCalendar file, checks every row (staff must be in
 * the directory) before writing anything, then files the shifts into rota months without
 * duplicates and prints a one-line summary. With --replace the file is the roster for the people
 * it lists over the days it covers for each (see fileReplaceScopes): their file-imported shifts it
 * no longer lists are removed. The open visits of everyone whose rota gained or lost shifts are
 * then checked again (see recheckAfterRotaChange), and a second line says what that found.
 */
export async function runRotaImport(
  deps: RotaImportDeps,
  options: RotaImportOptions,
): Promise<RotaImportResult> {
  const format = readFormat(options.file);
  const codes = options.codes ? await readCodes(options.codes) : undefined;
  if (format === 'csv' && options.person) {
    throw new UsageError(
      '--person is for iCalendar files only; a rota CSV names each person in its staff_email column.',
    );
  }
  if (options.replace === true && options.skipInvalid) {
    throw new UsageError(
      '--replace cannot be used with --skip-invalid: a bad row may be a shift that is still worked, and replacing would remove it. Fix the file and import it again.',
    );
  }
  const person = format === 'ics' ? choosePerson(options) : undefined;
  const text = await readImportFile(options.file);
  const directory = await loadDirectoryIds(new PeopleRepository(deps.store));
  const isKnownEmail = (email: string) => directory.has(email);
  const parsed: ShiftImport =
    format === 'csv'
      ? parseRotaCsv(text, { codes, isKnownEmail })
      : parseIcs(text, { email: person ?? '', codes, isKnownEmail });
  enforceAllOrNothing(deps.err, parsed.errors, {
    skipInvalid: options.skipInvalid,
    goodRows: parsed.rows.length,
  });
  const incoming: IncomingShift[] = parsed.rows.map((row) => ({
    personId: directory.get(row.email) as string,
    shift: { ...row.shift, source: 'file' as const },
  }));
  const written = await writeImportedShifts(
    new RotaRepository(deps.store),
    incoming,
    (steps) => chooseProgress(deps.err, 'Importing rota', steps),
    { replace: options.replace === true },
  );
  const now = deps.now ?? (() => new Date());
  const recheck = await recheckImportedRota(deps.store, written.changedPeople, now, deps.env);
  const result = { ...written, badRows: parsed.errors.length, recheck };
  deps.out.write(`${describeRotaImport(result, { replace: options.replace === true })}\n`);
  const rechecked = describeRotaRecheck(recheck);
  if (rechecked) deps.out.write(`${rechecked}\n`);
  return result;
}

export function describeRotaImport(
  result: Omit<RotaImportResult, 'recheck' | 'changedPeople'>,
  options: { replace?: boolean } = {},
): string {
  const plural = (count: number, one: string, many: string) =>
    `${formatCount(count)} ${count === 1 ? one : many}`;
  const skipped = result.badRows > 0 ? ` ${plural(result.badRows, 'bad row', 'bad rows')} left out.` : '';
  const removed =
    options.replace === true || result.removed > 0
      ? ` Removed ${plural(result.removed, 'shift', 'shifts')} no longer in the file.`
      : '';
  return (
    `Imported ${plural(result.added, 'shift', 'shifts')} for ${plural(result.staff, 'member of staff', 'staff')} ` +
    `into ${plural(result.monthsWritten, 'rota month', 'rota months')}; ` +
    `${plural(result.duplicates, 'duplicate', 'duplicates')} skipped.${removed}${skipped}`
  );
}

function readFormat(file: string): 'csv' | 'ics' {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.ics' || extension === '.ical') return 'ics';
  throw new UsageError(
    `Cannot tell the format of "${file}": name a rota CSV file .csv or an iCalendar file .ics.`,
  );
}

/** The code mapping file, checked like every settings file: each problem as `file:line: code: problem`. */
async function readCodes(path: string): Promise<CodeMapping> {
  try {
    return mergeCodeMapping(await loadSettingsFile(path, CODE_MAPPING_SCHEMA));
  } catch (error) {
    if (error instanceof SettingsFileError)
      throw new UsageError(
        `The code mapping "${path}" cannot be used:\n  - ${error.problems.join('\n  - ')}`,
      );
    throw error;
  }
}

/** An iCalendar file is one person's rota: --person, or a file named after their email. */
function choosePerson(options: RotaImportOptions): string {
  if (options.person) return options.person;
  const name = basename(options.file, extname(options.file));
  if (name.includes('@')) return name;
  throw new UsageError(
    "An iCalendar file holds one person's rota: say whose with --person <email>, or name the file after their email.",
  );
}

/** Directory emails (lower case) to person ids. */
async function loadDirectoryIds(people: PeopleRepository): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const person of await people.listAll()) ids.set(person.email.trim().toLowerCase(), person.id);
  return ids;
}
