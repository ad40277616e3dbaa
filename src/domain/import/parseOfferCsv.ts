import { SETTINGS, type OfferedSession, type Setting } from '../offers';
import { PROFESSIONS, type Profession } from '../people';
import { readSessionList } from '../sessions/readSessionList';
import { normaliseEmail, quoteValue } from './cleanText';
import { readCsvRecords, type CsvRecord, type RowError } from './readCsvRecords';
import { readProfession } from './readProfession';
import { readTextField } from './readTextField';

/** One offer as the file describes it; the host is known by email until it is matched to the directory. */
export interface OfferEntry {
  hostEmail: string;
  title: string;
  description: string;
  setting: Setting;
  sessions: OfferedSession[];
  visitorsPerSession: number;
  capacityPerWeek: number;
  capacityPerMonth: number;
  openTo: Profession[];
  prerequisites: string;
  meetingPoint: string;
  line: number;
}

export interface OfferImport {
  rows: OfferEntry[];
  errors: RowError[];
}

export const OFFER_COLUMNS = [
  'host_email',
  'title',
  'description',
  'setting',
  'sessions',
  'visitors_per_session',
  'per_week',
  'per_month',
  'open_to',
  'prerequisites',
  'meeting_point',
] as const;

const LIMITS = { title: 120, description: 1000, prerequisites: 500, meetingPoint: 200 } as const;
const MAX_PLACES = { visitors_per_session: 20, per_week: 50, per_month: 200 } as const;

/** An offer is the same offer when its host and title match, whatever the case of the title. */
export function offerKey(hostEmail: string, title: string): string {
  return `${hostEmail}\u0000${title.trim().toLowerCase()}`;
}

function readCount(
  column: keyof typeof MAX_PLACES,
  raw: string,
  fallback: number | undefined,
  problems: string[],
): number | undefined {
  if (raw === '' && fallback !== undefined) return fallback;
  if (!/^\d+$/.test(raw)) {
    problems.push(raw === '' ? `${column} is empty` : `${column} ${quoteValue(raw)} is not a whole number`);
    return undefined;
  }
  const value = Number(raw);
  if (value < 1 || value > MAX_PLACES[column]) {
    problems.push(`${column} must be from 1 to ${MAX_PLACES[column]}, not ${value}`);
    return undefined;
  }
  return value;
}

function readOpenTo(raw: string, problems: string[]): Profession[] | undefined {
  const names = raw
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const groups = names.map((name) => ({ name, group: readProfession(name) }));
  const unknown = groups.filter((g) => !g.group);
  if (unknown.length > 0) {
    problems.push(
      `open_to ${unknown.map((u) => quoteValue(u.name)).join(', ')} is not a staff group; use ` +
        `${PROFESSIONS.join(', ')} separated by ";", or leave it empty for anyone`,
    );
    return undefined;
  }
  return [...new Set(groups.map((g) => g.group as Profession))];
}

function readSetting(raw: string, problems: string[]): Setting | undefined {
  const setting = raw.trim().toLowerCase();
  if ((SETTINGS as readonly string[]).includes(setting)) return setting as Setting;
  problems.push(
    raw === ''
      ? 'setting is empty'
      : `setting ${quoteValue(raw)} is not known; use one of ${SETTINGS.join(', ')}`,
  );
  return undefined;
}

function readEntry({ values, line }: CsvRecord, problems: string[]): OfferEntry | undefined {
  const hostEmail = normaliseEmail(values.host_email ?? '');
  if (!hostEmail)
    problems.push(
      values.host_email
        ? `host_email ${quoteValue(values.host_email)} is not a valid email address`
        : 'host_email is empty',
    );
  const text = (column: string, raw: string | undefined, required: boolean, max: number) =>
    readTextField(column, raw ?? '', { required, max }, problems);
  const title = text('title', values.title, true, LIMITS.title);
  const description = text('description', values.description, true, LIMITS.description);
  const setting = readSetting(values.setting ?? '', problems);
  const sessions = readSessionList(values.sessions ?? '');
  if (!sessions.ok) problems.push(`sessions: ${sessions.problem}`);
  const visitorsPerSession = readCount(
    'visitors_per_session',
    values.visitors_per_session ?? '',
    1,
    problems,
  );
  const capacityPerWeek = readCount('per_week', values.per_week ?? '', undefined, problems);
  const capacityPerMonth = readCount('per_month', values.per_month ?? '', undefined, problems);
  if (capacityPerWeek !== undefined && capacityPerMonth !== undefined && capacityPerMonth < capacityPerWeek)
    problems.push(`per_month (${capacityPerMonth}) is fewer than per_week (${capacityPerWeek})`);
  const openTo = readOpenTo(values.open_to ?? '', problems);
  const prerequisites = text('prerequisites', values.prerequisites, false, LIMITS.prerequisites);
  const meetingPoint = text('meeting_point', values.meeting_point, true, LIMITS.meetingPoint);
  if (
    problems.length > 0 ||
    !hostEmail ||
    !title ||
    !description ||
    !setting ||
    !sessions.ok ||
    !visitorsPerSession ||
    !capacityPerWeek ||
    !capacityPerMonth ||
    !openTo ||
    prerequisites === undefined ||
    !meetingPoint
  )
    return undefined;
  return {
    hostEmail,
    title,
    description,
    setting,
    sessions: sessions.sessions,
    visitorsPerSession,
    capacityPerWeek,
    capacityPerMonth,
    openTo,
    prerequisites,
    meetingPoint,
    line,
  };
}

/**
 * Reads a host-offer CSV (host_email,title,description,setting,sessions,visitors_per_session,
 * per_week,per_month,open_to,prerequisites,meeting_point). Sessions and open_to are lists
 * separated by ";"; an empty visitors_per_session is 1; an empty open_to is anyone. The host must
 * be in the staff directory; the same host and title twice (in any case) is a bad row.
 */
export function parseOfferCsv(text: string, isKnownEmail: (email: string) => boolean): OfferImport {
  const { records, errors } = readCsvRecords(text, OFFER_COLUMNS);
  const rows: OfferEntry[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const problems: string[] = [];
    const entry = readEntry(record, problems);
    if (entry && !isKnownEmail(entry.hostEmail))
      problems.push(`host_email ${quoteValue(entry.hostEmail)} is not in the staff directory`);
    const key = entry && offerKey(entry.hostEmail, entry.title);
    const previous = key ? seen.get(key) : undefined;
    if (previous !== undefined)
      problems.push(`this host's offer ${quoteValue(entry?.title ?? '')} is already on line ${previous}`);
    if (key && previous === undefined) seen.set(key, record.line);
    if (entry && problems.length === 0) rows.push(entry);
    else errors.push({ line: record.line, reason: problems.join('; ') });
  }
  return { rows, errors: mergeByLine(errors) };
}

/** One error per line, its reasons joined, in line order. */
function mergeByLine(errors: readonly RowError[]): RowError[] {
  const byLine = new Map<number, string[]>();
  for (const error of errors) byLine.set(error.line, [...(byLine.get(error.line) ?? []), error.reason]);
  return [...byLine]
    .sort(([a], [b]) => a - b)
    .map(([line, reasons]) => ({ line, reason: [...new Set(reasons)].join('; ') }));
}
