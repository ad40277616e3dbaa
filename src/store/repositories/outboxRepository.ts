import type { Notification } from '../../app/notifications';
import { isErasedStandIn } from '../../domain/dataRights/anonymise';
import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../documentStore';

type NotificationDoc = Notification & { [field: string]: unknown };

/** A message as stored, with the version tag a change of its delivery state must quote. */
export interface StoredNotification {
  notification: Notification;
  etag: string;
}

/**
 * Messages owed to people, partitioned by recipient. Queueing is idempotent (the id says what the
 * message is for), and every change of a message's delivery state is a conditional write.
 */
export class OutboxRepository {
  constructor(private readonly store: DocumentStore) {}

  /**
   * Stores the message unless one with its id is already there (false then). A message for
   * someone whose data was erased is never stored: nobody can read it (false too).
   */
  async enqueue(notification: Notification): Promise<boolean> {
    if (isErasedStandIn(notification.personId)) return false;
    try {
      await this.store.create<NotificationDoc>('outbox', notification as NotificationDoc);
      return true;
    } catch (error) {
      if (error instanceof DocumentExistsError) return false;
      throw error;
    }
  }

  async find(personId: string, id: string): Promise<StoredNotification | undefined> {
    const found = await this.store.read<NotificationDoc>('outbox', id, personId);
    return found ? { notification: found.doc, etag: found.etag } : undefined;
  }

  /**
   * Messages due for delivery across all recipients, each with its version, so it can be claimed
   * without reading it again: the background sender's query only.
   */
  async listDue(now: Date, limit: number): Promise<StoredNotification[]> {
    const [pending, stalled] = await Promise.all([
      this.store.queryVersioned<NotificationDoc>('outbox', {
        where: [
          { field: 'status', op: '=', value: 'pending' },
          { field: 'nextAttemptAt', op: '<=', value: now.toISOString() },
        ],
        orderBy: { field: 'nextAttemptAt', direction: 'asc' },
        limit,
      }),
      this.store.queryVersioned<NotificationDoc>('outbox', {
        where: [
          { field: 'status', op: '=', value: 'sending' },
          { field: 'leaseUntil', op: '<', value: now.toISOString() },
        ],
        limit,
      }),
    ]);
    return [...stalled, ...pending].slice(0, limit).map(({ doc, etag }) => ({ notification: doc, etag }));
  }

  /**
   * Messages recorded unreachable whose routing around the person has been owed since `before`
   * or earlier (see Notification.routingOwedSince), oldest first: the scheduler's query, shaped
   * as listDue's (a status and one range on a field most messages never carry).
   */
  async listRoutingOwed(before: Date, limit: number): Promise<Notification[]> {
    return this.store.query<NotificationDoc>('outbox', {
      where: [
        { field: 'status', op: '=', value: 'unreachable' },
        { field: 'routingOwedSince', op: '<=', value: before.toISOString() },
      ],
      orderBy: { field: 'routingOwedSince', direction: 'asc' },
      limit,
    });
  }

  /** The messages about one request queued for one person: one partition. */
  async listAbout(personId: string, requestId: string): Promise<Notification[]> {
    return this.store.query<NotificationDoc>('outbox', {
      partitionKey: personId,
      where: [{ field: 'requestId', op: '=', value: requestId }],
    });
  }

  /** The same, each with its version, to note what its card was drawn with (see recordDrawn). */
  async listAboutVersioned(personId: string, requestId: string): Promise<StoredNotification[]> {
    const found = await this.store.queryVersioned<NotificationDoc>('outbox', {
      partitionKey: personId,
      where: [{ field: 'requestId', op: '=', value: requestId }],
    });
    return found.map(({ doc, etag }) => ({ notification: doc, etag }));
  }

  /**
   * Notes what a sent message's card now shows (see Notification.drawn), if nobody changed the
   * message since it was read; resolves whether it was noted.
   */
  async recordDrawn({ notification, etag }: StoredNotification, drawn: string): Promise<boolean> {
    return (await this.update({ ...notification, drawn }, etag)) !== undefined;
  }

  async listForPerson(personId: string): Promise<Notification[]> {
    return this.store.query<NotificationDoc>('outbox', { partitionKey: personId });
  }

  /** Writes the new delivery state only if nobody else changed the message meanwhile. */
  /** Resolves the new version tag, or undefined when someone else changed it first. */
  async update(notification: Notification, etag: string): Promise<string | undefined> {
    try {
      return (
        await this.store.replace<NotificationDoc>('outbox', notification as NotificationDoc, {
          ifMatch: etag,
        })
      ).etag;
    } catch (error) {
      if (error instanceof VersionConflictError) return undefined;
      throw error;
    }
  }
}
