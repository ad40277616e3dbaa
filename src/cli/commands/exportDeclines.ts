import { declinedAt, declineRow, DECLINE_COLUMNS } from '../../domain/cover/declineColumns';
import { csvLine } from '../../domain/outcomes/exchangeColumns';
import type { ShadowingRequest } from '../../domain/requests';
import type { DocumentStore } from '../../store/documentStore';
import { PeopleRepository } from '../../store/repositories/peopleRepository';
import type { TextOutput } from '../cliContext';
import { readFormat, readRange, type ExportExchangesOptions } from './exportExchanges';

type RequestDoc = ShadowingRequest & { [field: string]: unknown };

/**
 * `export declines --from <date> --to <date> [--format csv|json] [--department <name>]`: the
 * requests managers declined on those London dates (both included), with the reason category they
 * chose and the release the visit would have needed, as CSV with a header or JSON lines on stdout,
 * oldest first. Returns the number of rows.
 */
export async function runExportDeclines(
  deps: { store: DocumentStore; out: TextOutput },
  options: ExportExchangesOptions,
): Promise<number> {
  const range = readRange(options.from, options.to);
  const format = readFormat(options.format);
  const department = options.department?.trim().toLowerCase();
  const from = range.from.toUTC().toISO() as string;
  const until = range.to.plus({ days: 1 }).toUTC().toISO() as string;
  const declined = (
    await deps.store.query<RequestDoc>('requests', {
      where: [{ field: 'state', op: '=', value: 'declined_by_manager' }],
    })
  )
    .filter((request) => {
      const at = declinedAt(request);
      return at !== undefined && at >= from && at < until;
    })
    .sort((a, b) => (declinedAt(a) ?? '').localeCompare(declinedAt(b) ?? ''));
  const people = new PeopleRepository(deps.store);
  if (format === 'csv') deps.out.write(csvLine(DECLINE_COLUMNS.map(([name]) => name)));
  let rows = 0;
  for (const request of declined) {
    // A directory entry that cannot be read leaves its columns empty; the decline is still counted.
    const [visitor, host] = await Promise.all([
      people.findById(request.visitorId).catch(() => undefined),
      request.hostId ? people.findById(request.hostId).catch(() => undefined) : undefined,
    ]);
    const departments = [visitor?.department, host?.department].map((d) => d?.trim().toLowerCase());
    if (department && !departments.includes(department)) continue;
    const row = declineRow({ request, ...(visitor ? { visitor } : {}), ...(host ? { host } : {}) });
    deps.out.write(format === 'csv' ? csvLine(Object.values(row)) : `${JSON.stringify(row)}\n`);
    rows += 1;
  }
  return rows;
}
