import { parse } from 'csv-parse/sync';
import { quoteValue } from './cleanText';

/** A problem with one line of an imported file, in plain words. Lines count from 1. */
export interface RowError {
  line: number;
  reason: string;
}

export interface CsvRecord {
  /** The file line on which the record starts. */
  line: number;
  /** Values by column name, trimmed. */
  values: Record<string, string>;
}

export interface CsvReadResult {
  records: CsvRecord[];
  errors: RowError[];
  /** The columns the header named, lower case: every required one, and the optional ones present. */
  columns: string[];
}

interface ParsedRecord {
  record: string[];
  /** The file line on which the record ends. */
  endLine: number;
}

/**
 * Reads CSV text whose first line is a header with exactly the expected column names (in any
 * order, any case), plus any of the `optional` ones. Tolerates a byte order mark, CRLF line
 * endings and blank lines. A header problem is reported on its line and no records are returned.
 */
export function readCsvRecords(
  text: string,
  columns: readonly string[],
  optional: readonly string[] = [],
): CsvReadResult {
  const errors: RowError[] = [];
  // One line-ending style, so that the parser's line count stays exact inside quoted fields.
  const parsed = parseLeniently(text.replace(/\r\n?/g, '\n'), errors);
  const [header, ...body] = parsed;
  if (!header)
    return {
      records: [],
      errors: [...errors, { line: 1, reason: 'the file has no header line' }],
      columns: [],
    };
  const headerProblem = checkHeader(header.record, columns, optional);
  if (headerProblem)
    return { records: [], errors: [{ line: startLine(header), reason: headerProblem }], columns: [] };
  const names = header.record.map((name) => name.trim().toLowerCase());
  const records: CsvRecord[] = [];
  for (const item of body) {
    const line = startLine(item);
    if (item.record.every((value) => value.trim() === '')) continue;
    if (item.record.length !== names.length) {
      const count = item.record.length === 1 ? '1 value' : `${item.record.length} values`;
      errors.push({ line, reason: `the line has ${count} but the header has ${names.length} columns` });
      continue;
    }
    const values: Record<string, string> = {};
    names.forEach((name, index) => (values[name] = (item.record[index] ?? '').trim()));
    records.push({ line, values });
  }
  errors.sort((a, b) => a.line - b.line);
  return { records, errors, columns: names };
}

function parseLeniently(text: string, errors: RowError[]): ParsedRecord[] {
  let lastLine = 0;
  const onSkip = (error: { code?: string; lines?: number } | undefined) => {
    const unclosed = error?.code === 'CSV_QUOTE_NOT_CLOSED';
    errors.push({
      line: unclosed ? lastLine + 1 : (error?.lines ?? lastLine + 1),
      reason: unclosed
        ? 'a quoted value starting on or after this line is never closed, so the rest of the file could not be read'
        : 'the line has a misplaced double quote (a value with quotes must be wrapped in quotes, with inner quotes doubled)',
    });
  };
  const records = parse(text, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: 1_000_000,
    on_skip: onSkip,
    on_record: (record: string[], context: { lines: number }): ParsedRecord => {
      lastLine = context.lines;
      return { record, endLine: context.lines };
    },
  } as Parameters<typeof parse>[1]) as ParsedRecord[];
  return records;
}

function startLine(item: ParsedRecord): number {
  let breaks = 0;
  for (const field of item.record) {
    for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) breaks += 1;
  }
  return item.endLine - breaks;
}

function checkHeader(
  fields: string[],
  columns: readonly string[],
  optional: readonly string[],
): string | undefined {
  const extra = optional.length > 0 ? ` (optional: ${optional.join(', ')})` : '';
  const expected = `${columns.join(',')}${extra}`;
  const names = fields.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !columns.includes(name) && !optional.includes(name));
  if (unknown.length > 0) {
    const list = unknown.map((name) => quoteValue(name)).join(', ');
    return `unknown column ${list}; the header must be ${expected}`;
  }
  const missing = columns.filter((name) => !names.includes(name));
  if (missing.length > 0) return `missing column ${missing.join(', ')}; the header must be ${expected}`;
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0)
    return `column ${repeated.join(', ')} appears more than once; the header must be ${expected}`;
  return undefined;
}
