import { seedDemoOrganisation, type SeedDemoResult } from '../../demo/seedDemo';
import type { DocumentStore } from '../../store/documentStore';
import type { TextOutput } from '../cliContext';

export interface DemoSeedDeps {
  store: DocumentStore;
  out: TextOutput;
  now: () => Date;
}

/** `demo seed [--force]`: loads the demo organisation with its history and prints a one-line summary. */
export async function runDemoSeed(deps: DemoSeedDeps, options: { force: boolean }): Promise<SeedDemoResult> {
  const result = await seedDemoOrganisation(deps.store, {
    today: deps.now(),
    force: options.force,
    history: true,
  });
  deps.out.write(`${describeSeedResult(result)}\n`);
  return result;
}

export function describeSeedResult(result: SeedDemoResult): string {
  if (!result.seeded) {
    return 'The store already holds staff; nothing loaded. Use --force to reload the demo organisation.';
  }
  return `Loaded the demo organisation: ${result.people} staff, ${result.offers} host offers, ${result.rotaMonths} rota months, ${result.pastRequests} past requests.`;
}
