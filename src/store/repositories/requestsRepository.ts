import type { ShadowingRequest } from '../../domain/requests';
import type { DocumentStore } from '../documentStore';

type RequestDoc = ShadowingRequest & { [field: string]: unknown };

/** Shadowing requests, partitioned by visitor: "my requests" is a single-partition query. */
export class RequestsRepository {
  constructor(private readonly store: DocumentStore) {}

  async listForVisitor(visitorId: string, limit = 20): Promise<ShadowingRequest[]> {
    return this.store.query<RequestDoc>('requests', {
      partitionKey: visitorId,
      orderBy: { field: 'createdAt', direction: 'desc' },
      limit,
    });
  }
}
