import type { ShadowingRequest } from '../../domain/requests';
import { OPEN_STATES } from '../../domain/workflow/transitions';
import { VersionConflictError, type DocumentStore } from '../documentStore';

type RequestDoc = ShadowingRequest & { [field: string]: unknown };

/** Shadowing requests, partitioned by visitor: "my requests" is a single-partition query. */
export class RequestsRepository {
  constructor(private readonly store: DocumentStore) {}

  async find(
    visitorId: string,
    requestId: string,
  ): Promise<{ request: ShadowingRequest; etag: string } | undefined> {
    const found = await this.store.read<RequestDoc>('requests', requestId, visitorId);
    return found ? { request: found.doc, etag: found.etag } : undefined;
  }

  /** Resolves the stored version's tag; rejects with DocumentExistsError when the id is taken. */
  async create(request: ShadowingRequest): Promise<string> {
    return (await this.store.create<RequestDoc>('requests', request as RequestDoc)).etag;
  }

  /**
   * Removes the request as stored at version `etag`: false when it is gone already or has been
   * changed since (then it is left as it is).
   */
  async remove(visitorId: string, requestId: string, etag: string): Promise<boolean> {
    try {
      return await this.store.delete('requests', requestId, visitorId, { ifMatch: etag });
    } catch (error) {
      if (error instanceof VersionConflictError) return false;
      throw error;
    }
  }

  /** Rejects with VersionConflictError when someone else changed the request since `etag`. */
  async replace(request: ShadowingRequest, etag: string): Promise<void> {
    await this.store.replace<RequestDoc>('requests', request as RequestDoc, { ifMatch: etag });
  }

  async listForVisitor(visitorId: string, limit = 20): Promise<ShadowingRequest[]> {
    return this.store.query<RequestDoc>('requests', {
      partitionKey: visitorId,
      orderBy: { field: 'createdAt', direction: 'desc' },
      limit,
    });
  }

  /** The visitor's completed visits, of any year: a single-partition query that returns only those. */
  async listCompletedForVisitor(visitorId: string): Promise<ShadowingRequest[]> {
    return this.store.query<RequestDoc>('requests', {
      partitionKey: visitorId,
      where: [{ field: 'state', op: '=', value: 'completed' }],
    });
  }

  /** The visitor's requests still open (waiting or confirmed): a single-partition query. */
  async listOpenForVisitor(visitorId: string): Promise<ShadowingRequest[]> {
    return this.store.query<RequestDoc>('requests', {
      partitionKey: visitorId,
      where: [{ field: 'state', op: 'in', value: [...OPEN_STATES] }],
    });
  }
}
