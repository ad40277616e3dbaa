import { printLine } from './output';

/** Prints rows as a plain text table: the first column left-aligned, the rest right-aligned. */
export function printTable(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  write: (line: string) => void = printLine,
): void {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  write(line(cells[0] ?? []));
  write(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) write(line(row));
}
