import type { Logger } from '../logging/logger';
import type { Dispatcher } from './dispatcher';

/** Logged (at debug level) when a tick has ended, whether or not it succeeded. */
export const TICK_FINISHED = 'scheduler tick finished';

/**
 * Runs the scheduler tick every `intervalMs` inside the service (0 switches it off). Ticks never
 * overlap; a failed tick is logged and the next one tries again. Each tick's end is logged at
 * debug level, so a test can wait for ticks instead of guessing how long they take. Returns a
 * function that stops it and resolves once a tick under way has finished.
 */
export function startScheduler(
  dispatcher: Dispatcher,
  intervalMs: number,
  logger: Logger,
): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = dispatcher
      .tick()
      .catch((error: unknown) => logger.error({ err: error }, 'scheduler tick failed; will retry'))
      .finally(() => {
        running = undefined;
        logger.debug(TICK_FINISHED);
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
