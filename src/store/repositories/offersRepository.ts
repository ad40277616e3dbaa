import type { HostOffer } from '../../domain/offers';
import type { DocumentStore } from '../documentStore';

type OfferDoc = HostOffer & { [field: string]: unknown };

const CATALOGUE_TTL_MS = 60_000;

/**
 * Host offers, partitioned by host. A host's own offers are one partition. The catalogue that
 * search reads spans hosts; it is small and read-mostly, so it is cached for a minute and refreshed
 * at once after any write through this repository.
 */
export class OffersRepository {
  private catalogue?: { offers: HostOffer[]; readAt: number };

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: () => number = Date.now,
  ) {}

  async listActive(): Promise<HostOffer[]> {
    if (!this.catalogue || this.clock() - this.catalogue.readAt > CATALOGUE_TTL_MS) {
      const offers = await this.store.query<OfferDoc>('offers', {
        where: [{ field: 'status', op: '=', value: 'active' }],
      });
      this.catalogue = { offers, readAt: this.clock() };
    }
    return this.catalogue.offers;
  }

  async listForHost(hostId: string): Promise<HostOffer[]> {
    return this.store.query<OfferDoc>('offers', {
      partitionKey: hostId,
      orderBy: { field: 'createdAt', direction: 'asc' },
    });
  }

  async find(hostId: string, offerId: string): Promise<{ offer: HostOffer; etag: string } | undefined> {
    const found = await this.store.read<OfferDoc>('offers', offerId, hostId);
    return found ? { offer: found.doc, etag: found.etag } : undefined;
  }

  async create(offer: HostOffer): Promise<void> {
    await this.store.create<OfferDoc>('offers', offer as OfferDoc);
    this.catalogue = undefined;
  }

  async replace(offer: HostOffer, etag: string): Promise<void> {
    await this.store.replace<OfferDoc>('offers', offer as OfferDoc, { ifMatch: etag });
    this.catalogue = undefined;
  }
}
