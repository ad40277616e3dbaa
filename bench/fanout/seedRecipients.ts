import type { Notification } from '../../src/app/notifications';
import type { Person } from '../../src/domain/people';
import type { ShadowingRequest } from '../../src/domain/requests';
import { mapWithConcurrency } from '../../src/shared/mapWithConcurrency';
import type { DocumentStore } from '../../src/store/documentStore';

const WRITE_CONCURRENCY = 16;

export function recipientId(index: number): string {
  return `fa40a000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

export function conversationIdOf(index: number): string {
  return `a:fanout-${index}`;
}

/** `count` staff, each with a Teams conversation whose service URL is the connector. */
export async function seedRecipients(
  store: DocumentStore,
  count: number,
  connectorUrl: string,
): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => recipientId(i));
  await mapWithConcurrency(ids, WRITE_CONCURRENCY, async (id, i) => {
    const person: Person = {
      id,
      email: `fanout.${i}@northmoor-nhs.example`,
      name: `Recipient ${i}`,
      jobTitle: 'Staff nurse',
      department: 'Ward 7',
      profession: 'nursing',
      roles: ['staff'],
      conversation: {
        channelId: 'msteams',
        serviceUrl: connectorUrl,
        conversation: {
          id: conversationIdOf(i),
          conversationType: 'personal',
          tenantId: '00000000-0000-0000-0000-0000000000001',
        },
        user: { id: `29:fanout-${i}`, aadObjectId: id },
        bot: { id: '28:shadowing-bot', name: 'Job shadowing' },
      },
    };
    await store.upsert('people', { ...person });
  });
  return ids;
}

/**
 * One message about `request` to each recipient, queued in the outbox as the service queues
 * them (a request update; each id names the round, so a round is queued once).
 */
export async function queueRound(
  store: DocumentStore,
  recipients: readonly string[],
  request: ShadowingRequest,
  round: string,
  now: Date,
): Promise<void> {
  const stamp = now.toISOString();
  await mapWithConcurrency([...recipients], WRITE_CONCURRENCY, async (personId) => {
    const notification: Notification = {
      id: `request_update:${request.id}:${personId}:${round}`,
      personId,
      kind: 'request_update',
      requestId: request.id,
      visitorId: request.visitorId,
      note: 'The programme has a new host in your area.',
      status: 'pending',
      attempts: 0,
      createdAt: stamp,
      nextAttemptAt: stamp,
    };
    await store.create('outbox', { ...notification });
  });
}
