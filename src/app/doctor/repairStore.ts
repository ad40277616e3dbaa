import { HOLDING_STATES } from '../../domain/workflow/transitions';
import { CONTAINER_NAMES } from '../../store/containers';
import type { DocumentStore } from '../../store/documentStore';
import { HoldsRepository } from '../../store/repositories/holdsRepository';
import { OutboxRepository } from '../../store/repositories/outboxRepository';
import type { StoreFindings } from './checkStore';

export interface Repairs {
  holdsReleased: number;
  claimsReleased: number;
  /** Where each unreadable document went: `quarantine/<from>/<id>`. */
  setAside: Array<{ document: string; quarantine: string }>;
}

/**
 * Puts right what can be put right without losing anything: places held for requests that are
 * gone are given back, messages whose sending claim ran out are queued again, and documents that
 * cannot be read are moved whole into quarantine. Nothing is deleted. Each step reads again just
 * before it writes, so work that moved on since the check is left alone.
 */
export async function repairStore(
  store: DocumentStore,
  findings: StoreFindings,
  now: Date,
): Promise<Repairs> {
  const holds = new HoldsRepository(store);
  const outbox = new OutboxRepository(store);
  let holdsReleased = 0;
  for (const hold of findings.orphanHolds) {
    const open = (
      await store.query('requests', { where: [{ field: 'id', op: '=', value: hold.requestId }] })
    ).some((r) => HOLDING_STATES.includes(r.state as never));
    if (open) continue;
    await holds.release(hold.hostId, hold.offerId, hold.requestId, hold.start);
    holdsReleased += 1;
  }
  let claimsReleased = 0;
  for (const claim of findings.stuckClaims) {
    const found = await outbox.find(claim.personId, claim.id);
    const message = found?.notification;
    if (
      !found ||
      !message ||
      message.status !== 'sending' ||
      !(message.leaseUntil && message.leaseUntil < now.toISOString())
    )
      continue;
    const { leaseUntil: _expired, ...rest } = message;
    if (await outbox.update({ ...rest, status: 'pending', nextAttemptAt: now.toISOString() }, found.etag))
      claimsReleased += 1;
  }
  const setAside: Repairs['setAside'] = [];
  for (const document of findings.unreadable) {
    if (!isContainer(document.container)) continue;
    const id = await store.setAside(document.container, document.id, document.partitionKey, now);
    if (id)
      setAside.push({
        document: `${document.container}/${document.id}`,
        quarantine: `quarantine/${document.container}/${id}`,
      });
  }
  return { holdsReleased, claimsReleased, setAside };
}

function isContainer(name: string): name is Parameters<DocumentStore['setAside']>[0] {
  return name !== 'quarantine' && (CONTAINER_NAMES as readonly string[]).includes(name);
}
