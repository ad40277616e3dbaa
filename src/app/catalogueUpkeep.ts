import type { Logger } from '../logging/logger';
import type { DocumentStore } from '../store/documentStore';
import { repairCatalogue } from '../store/repositories/offerCatalogue';

/** How often each instance checks the offer catalogue against the offers. */
export const CATALOGUE_REPAIR_EVERY_MS = 15 * 60_000;

/**
 * Checks the offer catalogue against the offers once and puts it right; a failure is logged (the
 * catalogue only guides the host search, and the next check tries again).
 */
export async function repairCatalogueLogged(store: DocumentStore, logger: Logger): Promise<void> {
  try {
    const repair = await repairCatalogue(store);
    if (repair.added + repair.updated + repair.removed > 0)
      logger.info(repair, 'offer catalogue: put right from the offers');
  } catch (error) {
    logger.warn({ err: error }, 'offer catalogue: could not be checked; will try again');
  }
}

/**
 * Checks the catalogue every CATALOGUE_REPAIR_EVERY_MS (off when `everyMs` is 0). Returns a
 * function that stops it and resolves once a check under way has finished.
 */
export function startCatalogueUpkeep(
  store: DocumentStore,
  logger: Logger,
  everyMs: number = CATALOGUE_REPAIR_EVERY_MS,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const done = () => (running = undefined);
  const timer =
    everyMs > 0
      ? setInterval(() => {
          if (running) return;
          running = repairCatalogueLogged(store, logger);
          void running.finally(done);
        }, everyMs)
      : undefined;
  timer?.unref();
  return async () => {
    if (timer) clearInterval(timer);
    await running;
  };
}
