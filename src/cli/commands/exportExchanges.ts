import { DateTime } from 'luxon';
import { csvLine, EXCHANGE_COLUMNS, exchangeRow } from '../../domain/outcomes/exchangeColumns';
import type { ExchangeRecord } from '../../domain/outcomes/exchangeRecord';
import { LONDON } from '../../domain/time/formatVisit';
import type { DocumentStore } from '../../store/documentStore';
import { ExchangesRepository } from '../../store/repositories/exchangesRepository';
import type { TextOutput } from '../cliContext';
import { UsageError } from '../reportFailure';

export interface ExportExchangesOptions {
  from: string;
  to: string;
  format?: string;
  department?: string;
}

const MAX_YEARS = 5;

/**
 * `export exchanges --from <date> --to <date> [--format csv|json] [--department <name>]`: the
 * exchange log for visits on those London dates (both included), as CSV with a header or as JSON
 * lines, on stdout. Reads one partition per month in the range. Returns the number of rows.
 */
export async function runExportExchanges(
  deps: { store: DocumentStore; out: TextOutput },
  options: ExportExchangesOptions,
): Promise<number> {
  const range = readRange(options.from, options.to);
  const format = readFormat(options.format);
  const department = options.department?.trim().toLowerCase();
  const repository = new ExchangesRepository(deps.store);
  if (format === 'csv') deps.out.write(csvLine(EXCHANGE_COLUMNS.map(([name]) => name)));
  let rows = 0;
  for (const period of monthsBetween(range.from, range.to)) {
    const records = (await repository.listPeriod(period)).filter(
      (r) => inRange(r, range) && inDepartment(r, department),
    );
    for (const record of records) {
      const row = exchangeRow(record);
      deps.out.write(format === 'csv' ? csvLine(Object.values(row)) : `${JSON.stringify(row)}\n`);
      rows += 1;
    }
  }
  return rows;
}

interface DateRange {
  from: DateTime;
  to: DateTime;
}

export function readRange(fromText: string, toText: string): DateRange {
  const from = readDate('--from', fromText);
  const to = readDate('--to', toText);
  if (to < from)
    throw new UsageError(`--to (${toText}) is before --from (${fromText}). Give the earlier date first.`);
  if (to > from.plus({ years: MAX_YEARS }))
    throw new UsageError(
      `The range is more than ${MAX_YEARS} years. Please export at most ${MAX_YEARS} years at a time.`,
    );
  return { from, to };
}

function readDate(option: string, text: string): DateTime {
  const trimmed = text.trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? DateTime.fromISO(trimmed, { zone: LONDON }) : undefined;
  if (!date?.isValid)
    throw new UsageError(`${option} "${text}" is not a date. Use YYYY-MM-DD, for example 2025-04-01.`);
  if (date.year < 2000 || date.year > 2100)
    throw new UsageError(`${option} "${text}" is not a sensible year for the exchange log.`);
  return date;
}

export function readFormat(text: string | undefined): 'csv' | 'json' {
  const format = (text ?? 'csv').trim().toLowerCase();
  if (format !== 'csv' && format !== 'json')
    throw new UsageError(`--format "${text}" is not known. Use csv or json.`);
  return format;
}

function monthsBetween(from: DateTime, to: DateTime): string[] {
  const months: string[] = [];
  for (let cursor = from.startOf('month'); cursor <= to; cursor = cursor.plus({ months: 1 }))
    months.push(cursor.toFormat('yyyy-LL'));
  return months;
}

function inRange(record: ExchangeRecord, range: DateRange): boolean {
  return (
    record.visitDate >= (range.from.toISODate() ?? '') && record.visitDate <= (range.to.toISODate() ?? '')
  );
}

function inDepartment(record: ExchangeRecord, department: string | undefined): boolean {
  if (!department) return true;
  return [record.visitor.department, record.host.department].some(
    (d) => d?.trim().toLowerCase() === department,
  );
}
