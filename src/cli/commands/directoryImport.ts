import {
  parseDirectoryCsv,
  type DirectoryEntry,
  type DirectoryImport,
} from '../../domain/import/parseDirectoryCsv';
import type { Person } from '../../domain/people';
import type { DocumentStore } from '../../store/documentStore';
import {
  PeopleRepository,
  type DirectoryFields,
  type DirectorySaveOutcome,
} from '../../store/repositories/peopleRepository';
import type { TextOutput } from '../cliContext';
import { mapWithConcurrency } from '../../shared/mapWithConcurrency';
import { personIdForEmail } from '../import/personIdForEmail';
import { chooseProgress, formatCount } from '../import/progressBar';
import { readImportFile } from '../import/readImportFile';
import { enforceAllOrNothing } from '../import/reportBadRows';
import { WRITE_CONCURRENCY } from '../import/writeImportedShifts';
import { UsageError } from '../reportFailure';

export interface DirectoryImportDeps {
  store: DocumentStore;
  out: TextOutput;
  err: TextOutput & { isTTY?: boolean };
}

export interface DirectoryImportOptions {
  file: string;
  skipInvalid: boolean;
}

export type DirectoryImportResult = Record<DirectorySaveOutcome, number> & { badRows: number };

/**
 * `directory import <file>`: reads an ESR-style staff CSV, checks every row before writing
 * anything, then creates or updates each person. A person already in the directory keeps their id,
 * roles and conversation; a new person gets an id made from their email. Managers are resolved to
 * person ids, from the file or the directory.
 */
export async function runDirectoryImport(
  deps: DirectoryImportDeps,
  options: DirectoryImportOptions,
): Promise<DirectoryImportResult> {
  if (!options.file.toLowerCase().endsWith('.csv')) {
    throw new UsageError(
      `"${options.file}" is not a CSV file: the directory import reads an ESR-style staff .csv file.`,
    );
  }
  const text = await readImportFile(options.file);
  const people = new PeopleRepository(deps.store);
  const known = indexByEmail(await people.listAll());
  const parsed = parseDirectoryCsv(text, { isKnownEmail: (email) => known.has(email) });
  enforceAllOrNothing(deps.err, parsed.errors, {
    skipInvalid: options.skipInvalid,
    goodRows: parsed.rows.length,
  });
  const ids = assignIds(parsed.rows, known);
  const progress = chooseProgress(deps.err, 'Importing staff', parsed.rows.length);
  const outcomes = await mapWithConcurrency(parsed.rows, WRITE_CONCURRENCY, async (entry) => {
    const fields = toFields(entry, ids, parsed.has);
    const outcome = await people.saveDirectoryEntry(ids.get(entry.email) as string, fields);
    progress.advance();
    return outcome;
  });
  progress.finish();
  const result = countOutcomes(outcomes, parsed.errors.length);
  deps.out.write(`${describeDirectoryImport(result)}\n`);
  return result;
}

export function describeDirectoryImport(result: DirectoryImportResult): string {
  const total = result.created + result.updated + result.unchanged;
  const skipped =
    result.badRows > 0
      ? ` ${formatCount(result.badRows)} bad row${result.badRows === 1 ? '' : 's'} left out.`
      : '';
  return (
    `Imported ${formatCount(total)} staff: ${formatCount(result.created)} new, ${formatCount(result.updated)} updated, ` +
    `${formatCount(result.unchanged)} unchanged.${skipped}`
  );
}

function indexByEmail(people: readonly Person[]): Map<string, Person> {
  return new Map(people.map((person) => [person.email.trim().toLowerCase(), person]));
}

/** Emails to person ids: the existing id for anyone already in the directory, else one from the email. */
function assignIds(
  entries: readonly DirectoryEntry[],
  known: ReadonlyMap<string, Person>,
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [email, person] of known) ids.set(email, person.id);
  for (const entry of entries) if (!ids.has(entry.email)) ids.set(entry.email, personIdForEmail(entry.email));
  return ids;
}

/** The entry as directory fields; grade and coordinator only when the file has their columns. */
function toFields(
  entry: DirectoryEntry,
  ids: ReadonlyMap<string, string>,
  has: DirectoryImport['has'],
): DirectoryFields {
  const coordinator = entry.rotaCoordinatorEmail;
  return {
    email: entry.email,
    name: entry.name,
    jobTitle: entry.jobTitle,
    department: entry.department,
    profession: entry.profession,
    managerId: entry.managerEmail ? ids.get(entry.managerEmail) : undefined,
    ...(has.grade ? { grade: entry.grade } : {}),
    ...(has.rotaCoordinator ? { rotaCoordinatorId: coordinator ? ids.get(coordinator) : undefined } : {}),
  };
}

function countOutcomes(outcomes: readonly DirectorySaveOutcome[], badRows: number): DirectoryImportResult {
  const result: DirectoryImportResult = { created: 0, updated: 0, unchanged: 0, badRows };
  for (const outcome of outcomes) result[outcome] += 1;
  return result;
}
