/**
 * What the services a test builds over its store may still be doing when the test ends: the work
 * a move files after its answer (services.afterAnswer), and the deliveries that queues. A store's
 * teardown waits for all of it before the store closes, as the service does at shutdown
 * (src/main.ts), so nothing is left to fail against a closed store and log an error. One list
 * per test file (Jest loads the support modules afresh for each).
 */
const idles = new Set<() => Promise<void>>();

/** Registers `idle` (resolving once the services have nothing in flight) to be waited for before a store closes. */
export function settleBeforeClose(idle: () => Promise<void>): void {
  idles.add(idle);
}

/** Waits until every registered service has nothing in flight. */
export async function settleRegisteredWork(): Promise<void> {
  for (const idle of idles) await idle();
}
