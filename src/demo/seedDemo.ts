import type { Doc, DocumentStore } from '../store/documentStore';
import type { ContainerName } from '../store/containers';
import { catalogueEntryOf } from '../store/repositories/offerCatalogue';
import { buildDemoOrganisation } from './demoOrganisation';
import { findFirstMonday } from './demoRota';
import { writeDemoWeek } from './demoWeek';

export interface SeedDemoOptions {
  /** The day the demo rota starts from (the Monday of its week). */
  today: Date;
  /** Load even when the store already holds staff, overwriting the demo documents. */
  force?: boolean;
  /**
   * Also load six months of past requests and the exchange log, so reports, digests, the export
   * and "my requests" have something to show.
   */
  history?: boolean;
}

/** What was loaded; the counts are documents written, all zero when nothing was. */
export interface SeedDemoResult {
  seeded: boolean;
  people: number;
  offers: number;
  rotaMonths: number;
  /** Past requests loaded (0 without `history`). */
  pastRequests: number;
}

/** How many writes are in flight at once: enough to be quick, few enough to spare a shared store. */
const WRITE_BATCH_SIZE = 10;

/**
 * Loads the demo organisation when the `people` container is empty, or always with `force`. Every
 * write is an upsert, so a load that stopped half way can simply be run again.
 */
export async function seedDemoOrganisation(
  store: DocumentStore,
  options: SeedDemoOptions,
): Promise<SeedDemoResult> {
  if (!options.force && (await holdsStaff(store))) {
    return { seeded: false, people: 0, offers: 0, rotaMonths: 0, pastRequests: 0 };
  }
  const organisation = buildDemoOrganisation(options.today);
  const rotaDocs = organisation.rota.map((month) => ({ id: `${month.personId}:${month.month}`, ...month }));
  await upsertAll(store, 'people', organisation.people.map(toDoc));
  await upsertAll(store, 'offers', organisation.offers.map(toDoc));
  await upsertAll(store, 'offers', organisation.offers.map(catalogueEntryOf));
  await upsertAll(store, 'rota', rotaDocs);
  const past = options.history ? organisation.history : { requests: [], exchanges: [] };
  // Past requests go in without managers' and hosts' task pointers, so nobody's decisions change.
  await upsertAll(store, 'requests', past.requests.map(toDoc));
  await upsertAll(store, 'exchanges', past.exchanges.map(toDoc));
  await writeDemoWeek(store, findFirstMonday(options.today).toISODate() as string);
  return {
    seeded: true,
    people: organisation.people.length,
    offers: organisation.offers.length,
    rotaMonths: rotaDocs.length,
    pastRequests: past.requests.length,
  };
}

async function holdsStaff(store: DocumentStore): Promise<boolean> {
  const found = await store.query('people', { limit: 1 });
  return found.length > 0;
}

function toDoc<T extends { id: string }>(value: T): Doc {
  return { ...value };
}

/** Writes `docs` a few at a time. */
export async function upsertAll(
  store: DocumentStore,
  container: ContainerName,
  docs: readonly Doc[],
): Promise<void> {
  for (let i = 0; i < docs.length; i += WRITE_BATCH_SIZE) {
    await Promise.all(docs.slice(i, i + WRITE_BATCH_SIZE).map((doc) => store.upsert(container, doc)));
  }
}
