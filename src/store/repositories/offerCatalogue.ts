import { isDeepStrictEqual } from 'node:util';
import type { HostOffer } from '../../domain/offers';
import type { Doc, DocumentStore } from '../documentStore';

/**
 * The offer catalogue: a copy of every offer in one partition of the `offers` container, so the
 * host search reads all offers with a single-partition query instead of asking every host's
 * partition. Each offer is stored in its host's partition as before; its copy here is written
 * after it. The copy is only for finding hosts: anything that acts on an offer reads the offer.
 */
export const CATALOGUE_PARTITION = 'catalogue';

export interface CatalogueEntry {
  id: string;
  /** Always CATALOGUE_PARTITION: the container's partition key. */
  hostId: typeof CATALOGUE_PARTITION;
  role: 'catalogue_entry';
  offer: HostOffer;
  [field: string]: unknown;
}

export function catalogueEntryOf(offer: HostOffer): CatalogueEntry {
  return { id: offer.id, hostId: CATALOGUE_PARTITION, role: 'catalogue_entry', offer };
}

/** Whether a document of the `offers` container is a catalogue copy rather than an offer. */
export function isCatalogueEntry(doc: Doc): boolean {
  return doc.hostId === CATALOGUE_PARTITION;
}

export async function readCatalogue(store: DocumentStore): Promise<HostOffer[]> {
  const entries = await store.query<CatalogueEntry>('offers', { partitionKey: CATALOGUE_PARTITION });
  return entries.filter((entry) => entry.role === 'catalogue_entry').map((entry) => entry.offer);
}

export interface CatalogueRepair {
  added: number;
  updated: number;
  removed: number;
}

/**
 * Brings the catalogue in line with the offers themselves: copies what is missing or different,
 * removes copies of offers that are gone. For offers written without the repository (the demo
 * load, a migration, a process that stopped between an offer and its copy). Reads every host's
 * partition, so it runs at start and on the scheduler, never on a turn.
 */
export async function repairCatalogue(store: DocumentStore): Promise<CatalogueRepair> {
  const [offers, entries] = await Promise.all([
    store.query<HostOffer & Doc>('offers'),
    store.query<CatalogueEntry>('offers', { partitionKey: CATALOGUE_PARTITION }),
  ]);
  const copies = new Map(entries.map((entry) => [entry.id, entry]));
  const repair: CatalogueRepair = { added: 0, updated: 0, removed: 0 };
  const live = new Set<string>();
  for (const offer of offers) {
    if (isCatalogueEntry(offer)) continue;
    live.add(offer.id);
    const copy = copies.get(offer.id);
    if (copy && isDeepStrictEqual(copy.offer, offer)) continue;
    await store.upsert('offers', catalogueEntryOf(offer));
    repair[copy ? 'updated' : 'added'] += 1;
  }
  for (const entry of entries) {
    if (live.has(entry.id)) continue;
    if (await store.delete('offers', entry.id, CATALOGUE_PARTITION)) repair.removed += 1;
  }
  return repair;
}
