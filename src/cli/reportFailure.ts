import { CommanderError } from 'commander';
import { ConfigError } from '../config/config';
import { StoreUnavailableError } from '../store/documentStore';
import { LegacyLayoutError } from '../store/legacy/findLegacyLayout';
import type { TextOutput } from './cliContext';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A command was given arguments it cannot use. The message says what is wrong, in plain words. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The command has already explained on stderr what went wrong (e.g. it listed every bad row of an
 * import), so only the exit code is left to choose: 1.
 */
export class ReportedFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportedFailure';
  }
}

/**
 * Explains a failure on `err` and chooses the exit code: 2 for a usage or settings problem, 1 for
 * anything else. The stack trace is shown only when asked for (--verbose or DEBUG).
 */
export function reportFailure(error: unknown, err: TextOutput, verbose: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its own message (or the help text).
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof ReportedFailure) return EXIT_FAILURE;
  if (error instanceof ConfigError || error instanceof UsageError || error instanceof LegacyLayoutError) {
    err.write(`${error.message}\n`);
    return EXIT_USAGE;
  }
  err.write(`${describeFailure(error)}\n`);
  if (verbose && error instanceof Error && error.stack) err.write(`${error.stack}\n`);
  else err.write('Run again with --verbose for details.\n');
  return EXIT_FAILURE;
}

function describeFailure(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof StoreUnavailableError) return `The data store could not be reached: ${detail}`;
  return `The command failed: ${detail}`;
}
