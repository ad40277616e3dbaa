import type { HostOffer } from '../../domain/offers';
import type { DocumentStore } from '../documentStore';
import { CATALOGUE_PARTITION, catalogueEntryOf, readCatalogue } from './offerCatalogue';

type OfferDoc = HostOffer & { [field: string]: unknown };

/** How long a copy of the catalogue is used as it is. */
export const CATALOGUE_FRESH_MS = 30_000;
/** After that, and up to this age, it is still used while a fresh copy is read in the background. */
export const CATALOGUE_STALE_MS = 300_000;

/**
 * Host offers, partitioned by host: a host's own offers are one partition. The catalogue that
 * the host search reads spans hosts: it is kept in a partition of its own (offerCatalogue.ts),
 * written after each offer, and this instance keeps a copy in memory. Writes through this
 * repository change the copy at once; changes made by other instances show within
 * CATALOGUE_FRESH_MS or so. A turn waits for the catalogue only when this instance has none.
 */
export class OffersRepository {
  private catalogue?: { offers: Map<string, HostOffer>; readAt: number };
  private refreshing?: Promise<Map<string, HostOffer>>;
  /** This instance's own writes, numbered, so a read that started before one cannot undo it. */
  private ownWrites = new Map<string, { offer: HostOffer; number: number }>();
  private writes = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Active offers of every host, for the host search. */
  async listActive(): Promise<HostOffer[]> {
    const age = this.catalogue ? this.clock() - this.catalogue.readAt : Infinity;
    const offers =
      age <= CATALOGUE_FRESH_MS
        ? this.catalogue?.offers
        : age <= CATALOGUE_STALE_MS
          ? (this.refreshInBackground(), this.catalogue?.offers)
          : await this.refresh();
    return [...(offers ?? new Map<string, HostOffer>()).values()].filter((o) => o.status === 'active');
  }

  async listForHost(hostId: string): Promise<HostOffer[]> {
    return this.store.query<OfferDoc>('offers', {
      partitionKey: hostId,
      orderBy: { field: 'createdAt', direction: 'asc' },
    });
  }

  async find(hostId: string, offerId: string): Promise<{ offer: HostOffer; etag: string } | undefined> {
    if (hostId === CATALOGUE_PARTITION) return undefined;
    const found = await this.store.read<OfferDoc>('offers', offerId, hostId);
    return found ? { offer: found.doc, etag: found.etag } : undefined;
  }

  async create(offer: HostOffer): Promise<void> {
    await this.store.create<OfferDoc>('offers', offer as OfferDoc);
    await this.copyToCatalogue(offer);
  }

  async replace(offer: HostOffer, etag: string): Promise<void> {
    await this.store.replace<OfferDoc>('offers', offer as OfferDoc, { ifMatch: etag });
    await this.copyToCatalogue(offer);
  }

  /** The offer is saved; its copy follows (a copy that fails to save is put right by repairCatalogue). */
  private async copyToCatalogue(offer: HostOffer): Promise<void> {
    this.writes += 1;
    this.ownWrites.set(offer.id, { offer, number: this.writes });
    this.catalogue?.offers.set(offer.id, offer);
    await this.store.upsert('offers', catalogueEntryOf(offer));
  }

  private refresh(): Promise<Map<string, HostOffer>> {
    const writesBefore = this.writes;
    this.refreshing ??= readCatalogue(this.store)
      .then((offers) => {
        const byId = new Map(offers.map((offer) => [offer.id, offer]));
        for (const [id, written] of this.ownWrites) {
          if (written.number > writesBefore) byId.set(id, written.offer);
          else this.ownWrites.delete(id);
        }
        this.catalogue = { offers: byId, readAt: this.clock() };
        return byId;
      })
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private refreshInBackground(): void {
    // A failed refresh leaves the copy as it was; the next search tries again.
    this.refresh().catch(() => undefined);
  }
}
