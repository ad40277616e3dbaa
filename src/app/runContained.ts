import type { Logger } from '../logging/logger';

/**
 * Runs one piece of a scheduler tick so that its failure is logged and stays its own: the tick's
 * other work still runs, and the next tick tries this one again. Resolves `fallback` on failure.
 */
export async function runContained<T>(
  logger: Logger | undefined,
  job: string,
  fields: Record<string, unknown>,
  work: () => Promise<T>,
  fallback: T,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    logger?.error(
      { err: error, job, ...fields },
      'scheduled work failed; the rest goes on, and the next tick tries it again',
    );
    return fallback;
  }
}
