import { GRADE_EXAMPLES, readGrade } from '../grades';
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
  /** The pay grade in its one written form (`Band 5`, `FY1`), when the file gives one. */
  grade?: string;
  /** Who arranges cover for this person's shifts, when the file names someone. */
  rotaCoordinatorEmail?: string;
  /** The file line the entry came from. */
  line: number;
}

export interface DirectoryImport {
  rows: DirectoryEntry[];
  errors: RowError[];
  /**
   * The optional columns the file has. A column the file lacks leaves what the directory already
   * holds alone; a column it has, left empty on a row, clears that person's value.
   */
  has: { grade: boolean; rotaCoordinator: boolean };
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
export const DIRECTORY_OPTIONAL_COLUMNS = ['grade', 'rota_coordinator_email'] as const;
const MAX_TEXT = 200;

/**
 * Reads an ESR-style staff CSV (email,name,job_title,department,profession,manager_email, and
 * optionally grade and rota_coordinator_email). Professions are read into the bot's staff groups
 * (ESR names such as "Medical and Dental" work); grades into one written form (`Band 5`, `FY1`),
 * a doctor's grade only for medical staff. A manager or rota coordinator must be in the same file
 * or already known; a repeated email, a manager chain that loops, or a manager or coordinator
 * whose own row is bad makes a bad row. Hidden direction-changing characters are removed from
 * names and titles.
 */
export function parseDirectoryCsv(text: string, options: DirectoryParseOptions = {}): DirectoryImport {
  const { records, errors, columns } = readCsvRecords(text, DIRECTORY_COLUMNS, DIRECTORY_OPTIONAL_COLUMNS);
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
  const isKnownEmail = options.isKnownEmail ?? (() => false);
  const failed = checkManagers(entries, badLines, isKnownEmail);
  for (const error of failed) dropEntryOnLine(entries, badLines, error.line);
  failed.push(...checkCoordinators(entries, badLines, isKnownEmail));
  errors.push(...failed);
  errors.sort((a, b) => a.line - b.line);
  const has = {
    grade: columns.includes('grade'),
    rotaCoordinator: columns.includes('rota_coordinator_email'),
  };
  return { rows: [...entries.values()], errors, has };
}

function dropEntryOnLine(entries: Map<string, DirectoryEntry>, badLines: Map<string, number>, line: number) {
  for (const [email, entry] of entries) {
    if (entry.line !== line) continue;
    entries.delete(email);
    badLines.set(email, line);
  }
}

/**
 * A rota coordinator must be a good row of this file or already known. A row whose coordinator is
 * bad is bad too, and so on until nothing changes.
 */
function checkCoordinators(
  entries: Map<string, DirectoryEntry>,
  badLines: Map<string, number>,
  isKnownEmail: (email: string) => boolean,
): RowError[] {
  const errors: RowError[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const entry of [...entries.values()]) {
      const coordinator = entry.rotaCoordinatorEmail;
      if (!coordinator || entries.has(coordinator) || isKnownEmail(coordinator)) continue;
      const line = badLines.get(coordinator);
      errors.push({
        line: entry.line,
        reason:
          line === undefined
            ? `rota coordinator ${quoteValue(coordinator)} is not in this file or the staff directory`
            : `rota coordinator ${quoteValue(coordinator)} on line ${line} has errors of their own`,
      });
      dropEntryOnLine(entries, badLines, entry.line);
      changed = true;
    }
  }
  return errors;
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
  const grade = readEntryGrade(values.grade ?? '', profession, problems);
  const rotaCoordinatorEmail = readOptionalEmail(
    'rota_coordinator_email',
    values.rota_coordinator_email,
    problems,
  );
  if (!email || name === undefined || jobTitle === undefined || department === undefined || !profession)
    return undefined;
  return {
    email,
    name,
    jobTitle,
    department,
    profession,
    ...(managerEmail ? { managerEmail } : {}),
    ...(grade ? { grade } : {}),
    ...(rotaCoordinatorEmail ? { rotaCoordinatorEmail } : {}),
    line,
  };
}

function readEntryGrade(raw: string, profession: Profession | undefined, problems: string[]) {
  const text = readText('grade', raw, false, problems);
  if (!text) return undefined;
  const grade = readGrade(text);
  if (!grade) problems.push(`grade ${quoteValue(text)} is not known; use ${GRADE_EXAMPLES}`);
  else if (grade.kind === 'doctor' && profession && profession !== 'medical') {
    problems.push(`grade ${quoteValue(text)} is a doctor’s grade but the profession is ${profession}`);
  } else return grade.name;
  return undefined;
}

function readOptionalEmail(column: string, raw: string | undefined, problems: string[]) {
  if (!raw) return undefined;
  const email = normaliseEmail(raw);
  if (!email) problems.push(`${column} ${quoteValue(raw)} is not a valid email address`);
  return email;
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
