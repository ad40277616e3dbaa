import { writeSync } from 'node:fs';

/**
 * Writes a line to stdout at once (not buffered), so nothing is lost when the benchmark ends the
 * process straight after.
 */
export function printLine(line = ''): void {
  writeSync(1, `${line}\n`);
}

/** The benchmark's one machine-readable line: `{"bench":"<name>", ...figures}`. */
export function printFigures(name: string, figures: Record<string, unknown>): void {
  printLine(JSON.stringify({ bench: name, ...figures }));
}
