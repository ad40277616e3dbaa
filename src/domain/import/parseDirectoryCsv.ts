import { PROFESSIONS, type Profession } from '../people';
import { normaliseEmail, quoteValue } from './cleanText';
import { readCsvRecords, type CsvRecord, type RowError } from './readCsvRecords';
import { readProfession } from './readProfession';
import { readTextField } from './readTextField';

export interface DirectoryEntry {
  email: string;
  name: string;
  jobTitle: string;
  department: string;
  profession: Profession;
  managerEmail?: string;
  /** The file line the entry came from. */
  line: number;
}

export interface DirectoryImport {
  rows: DirectoryEntry[];
  errors: RowError[];
}

export interface DirectoryParseOptions {
  /** Managers may also be people already in the directory. */
  isKnownEmail?: (email: string) => boolean;
}

export const DIRECTORY_COLUMNS = [
  'email',
  'name',
  'job_title',
  'department',
  'profession',
  'manager_email',
] as const;
const MAX_TEXT = 200;

/**
 * Reads an ESR-style staff CSV (email,name,job_title,department,profession,manager_email).
 * Professions are read into the bot's staff groups (ESR names such as "Medical and Dental" work).
 * A manager must be in the same file or already known; a repeated email, a manager chain that
 * loops, or a manager whose own row is bad makes a bad row. Hidden direction-changing characters
 * are removed from names and titles.
 */
export function parseDirectoryCsv(text: string, options: DirectoryParseOptions = {}): DirectoryImport {
  const { records, errors } = readCsvRecords(text, DIRECTORY_COLUMNS);
  const entries = new Map<string, DirectoryEntry>();
  const badLines = new Map<string, number>();
  for (const record of records) {
    const problems: string[] = [];
    const entry = readEntry(record, problems);
    const previous = entry && (entries.get(entry.email)?.line ?? badLines.get(entry.email));
    if (entry && previous !== undefined)
      problems.push(`email ${quoteValue(entry.email)} is already listed on line ${previous}`);
    if (entry && problems.length === 0) entries.set(entry.email, entry);
    else {
      const email = normaliseEmail(record.values.email ?? '');
      if (email && !badLines.has(email) && !entries.has(email)) badLines.set(email, record.line);
      errors.push({ line: record.line, reason: problems.join('; ') });
    }
  }
  const failed = checkManagers(entries, badLines, options.isKnownEmail ?? (() => false));
  errors.push(...failed);
  const failedLines = new Set(failed.map((error) => error.line));
  errors.sort((a, b) => a.line - b.line);
  return { rows: [...entries.values()].filter((entry) => !failedLines.has(entry.line)), errors };
}

function readEntry({ values, line }: CsvRecord, problems: string[]): DirectoryEntry | undefined {
  const email = normaliseEmail(values.email ?? '');
  if (!email)
    problems.push(
      values.email ? `email ${quoteValue(values.email)} is not a valid email address` : 'email is empty',
    );
  const name = readText('name', values.name ?? '', true, problems);
  const jobTitle = readText('job_title', values.job_title ?? '', false, problems);
  const department = readText('department', values.department ?? '', true, problems);
  const professionText = values.profession ?? '';
  const profession = readProfession(professionText);
  if (!profession) {
    problems.push(
      professionText === ''
        ? 'profession is empty'
        : `profession ${quoteValue(professionText)} is not known; use one of ${PROFESSIONS.join(', ')} ` +
            '(ESR staff groups such as "Medical and Dental" also work)',
    );
  }
  let managerEmail: string | undefined;
  if (values.manager_email) {
    managerEmail = normaliseEmail(values.manager_email);
    if (!managerEmail)
      problems.push(`manager_email ${quoteValue(values.manager_email)} is not a valid email address`);
    else if (managerEmail === email) problems.push('the person is listed as their own manager');
  }
  if (!email || name === undefined || jobTitle === undefined || department === undefined || !profession)
    return undefined;
  return { email, name, jobTitle, department, profession, ...(managerEmail ? { managerEmail } : {}), line };
}

function readText(column: string, raw: string, required: boolean, problems: string[]): string | undefined {
  return readTextField(column, raw, { required, max: MAX_TEXT }, problems);
}

/**
 * Follows each manager chain once. A chain ending at no manager or a known person is good; a
 * chain reaching an unknown or bad manager, or looping, makes every row on it bad.
 */
function checkManagers(
  entries: ReadonlyMap<string, DirectoryEntry>,
  badLines: ReadonlyMap<string, number>,
  isKnownEmail: (email: string) => boolean,
): RowError[] {
  const outcome = new Map<string, boolean>();
  const errors: RowError[] = [];
  const fail = (entry: DirectoryEntry, reason: string) => {
    outcome.set(entry.email, false);
    errors.push({ line: entry.line, reason });
  };
  for (const start of entries.values()) {
    const path: DirectoryEntry[] = [];
    const onPath = new Set<string>();
    let current: DirectoryEntry | undefined = start;
    while (current && !outcome.has(current.email)) {
      if (onPath.has(current.email)) {
        const loop = path.slice(path.indexOf(current));
        const chain = [...loop, current].map((entry) => entry.email).join(' → ');
        for (const entry of loop) fail(entry, `the manager chain loops: ${chain}`);
        break;
      }
      path.push(current);
      onPath.add(current.email);
      const manager: string | undefined = current.managerEmail;
      const next: DirectoryEntry | undefined = manager ? entries.get(manager) : undefined;
      if (!manager || (!next && isKnownEmail(manager))) outcome.set(current.email, true);
      else if (!next && badLines.has(manager)) {
        fail(
          current,
          `manager ${quoteValue(manager)} on line ${badLines.get(manager)} has errors of their own`,
        );
      } else if (!next)
        fail(current, `manager ${quoteValue(manager)} is not in this file or the staff directory`);
      current = next;
    }
    for (const entry of path.reverse()) {
      if (outcome.has(entry.email)) continue;
      const manager = entries.get(entry.managerEmail ?? '');
      if (manager && outcome.get(manager.email) === false) {
        fail(entry, `manager ${quoteValue(manager.email)} on line ${manager.line} has errors of their own`);
      } else outcome.set(entry.email, true);
    }
  }
  return errors;
}
