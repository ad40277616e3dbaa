import type { RowError } from '../../domain/import/readCsvRecords';
import type { TextOutput } from '../cliContext';
import { ReportedFailure } from '../reportFailure';
import { formatCount } from './progressBar';

/** Lists every bad row, one per line, as "line N: reason". */
export function writeBadRows(err: TextOutput, errors: readonly RowError[]): void {
  if (errors.length === 0) return;
  err.write(errors.map((error) => `line ${error.line}: ${error.reason}\n`).join(''));
}

function describeRows(count: number, kind: 'bad' | 'good'): string {
  return `${formatCount(count)} ${kind} row${count === 1 ? '' : 's'}`;
}

/**
 * All-or-nothing: with bad rows and no --skip-invalid, lists them, says nothing was imported and
 * fails (exit 1). With --skip-invalid it lists them and lets the import go on with the good rows.
 */
export function enforceAllOrNothing(
  err: TextOutput,
  errors: readonly RowError[],
  options: { skipInvalid: boolean; goodRows: number },
): void {
  writeBadRows(err, errors);
  if (errors.length === 0) return;
  const good = describeRows(options.goodRows, 'good');
  if (options.skipInvalid) {
    err.write(`Skipping ${describeRows(errors.length, 'bad')} (listed above); importing the ${good}.\n`);
    return;
  }
  const fix = errors.length === 1 ? 'Fix it' : 'Fix them';
  const skip = options.goodRows > 0 ? `, or use --skip-invalid to import the ${good}` : '';
  err.write(
    `Nothing imported: the file has ${describeRows(errors.length, 'bad')} (listed above). ` +
      `${fix} and import again${skip}.\n`,
  );
  throw new ReportedFailure(`${errors.length} bad rows`);
}
