import type { Notification } from '../notifications';
import type { ShadowingRequest } from '../../domain/requests';
import { HOLDING_STATES } from '../../domain/workflow/transitions';
import { CONTAINER_NAMES } from '../../store/containers';
import type { DamagedDocument } from '../../store/damageLog';
import type { Doc, DocumentStore } from '../../store/documentStore';

/** A place held with a host by a request that is gone or no longer open. */
export interface OrphanHold {
  hostId: string;
  offerId: string;
  requestId: string;
  start: string;
  heldAt?: string;
}

/**
 * How long a place may be held before its request must have been stored. Sending takes the place
 * first and stores the request a moment later (a few store calls, each failing within seconds),
 * so a younger hold without a request may be a send still under way: it is left alone. Ten
 * minutes is far longer than any send takes, and short enough that a place lost to a failed send
 * is back the same morning.
 */
export const HOLD_SETTLING_MINUTES = 10;

/** An outbox message claimed for sending by an instance whose claim ran out. */
export interface StuckClaim {
  personId: string;
  id: string;
  leaseUntil: string;
}

export interface StoreFindings {
  unreadable: DamagedDocument[];
  /** "requests/<id>: visitorId <id> is not in the directory", one line each. */
  dangling: string[];
  orphanHolds: OrphanHold[];
  /** Holds without an open request taken within HOLD_SETTLING_MINUTES: perhaps a send under way. */
  recentHolds: OrphanHold[];
  stuckClaims: StuckClaim[];
}

type Ledger = Doc & { assigneeId: string; offerId: string; role: 'ledger'; holds: OrphanHold[] };
type Pointer = Doc & { role: string; requestId?: string; visitorId?: string; assigneeId: string };

/**
 * Reads the whole store once: every container, so every document that cannot be read is found
 * (the store counts them as it skips them), then checks what points at what.
 */
export async function checkStore(store: DocumentStore, now: Date): Promise<StoreFindings> {
  const all = Object.fromEntries(
    await Promise.all(CONTAINER_NAMES.map(async (name) => [name, await store.query(name)] as const)),
  ) as Record<(typeof CONTAINER_NAMES)[number], Doc[]>;
  const people = new Set(all.people.map((p) => p.id));
  const offers = new Set(all.offers.map((o) => `${String(o.hostId)}/${o.id}`));
  const requests = new Map(all.requests.map((r) => [r.id, r as unknown as ShadowingRequest]));
  const dangling: string[] = [];
  const missingPerson = (where: string, field: string, value: unknown) => {
    if (typeof value === 'string' && !people.has(value))
      dangling.push(`${where}: ${field} ${value} is not in the directory`);
  };

  for (const person of all.people) missingPerson(`people/${person.id}`, 'managerId', person.managerId);
  for (const request of requests.values()) {
    const where = `requests/${request.id}`;
    missingPerson(where, 'managerId', request.managerId);
    missingPerson(where, 'hostId', request.hostId);
    if (request.hostId && request.offerId && !offers.has(`${request.hostId}/${request.offerId}`))
      dangling.push(`${where}: offer ${request.offerId} no longer exists`);
  }
  const ledgers = all.tasks.filter((t) => t.role === 'ledger') as Ledger[];
  for (const task of all.tasks.filter((t) => t.role !== 'ledger') as Pointer[]) {
    if (task.requestId && !requests.has(task.requestId))
      dangling.push(`tasks/${task.id}: request ${task.requestId} does not exist`);
  }
  for (const message of all.outbox as unknown as Notification[])
    missingPerson(`outbox/${message.id}`, 'personId', message.personId);

  const withoutRequest = ledgers.flatMap((ledger) =>
    (Array.isArray(ledger.holds) ? ledger.holds : [])
      .filter((hold) => !isHolding(requests.get(hold.requestId)))
      .map((hold) => ({
        hostId: ledger.assigneeId,
        offerId: ledger.offerId,
        requestId: hold.requestId,
        start: hold.start,
        ...(hold.heldAt ? { heldAt: hold.heldAt } : {}),
      })),
  );
  const settled = new Date(now.getTime() - HOLD_SETTLING_MINUTES * 60_000).toISOString();
  const isRecent = (hold: OrphanHold) => hold.heldAt !== undefined && hold.heldAt > settled;
  const stuckClaims = (all.outbox as unknown as Notification[])
    .filter((n) => n.status === 'sending' && n.leaseUntil !== undefined && n.leaseUntil < now.toISOString())
    .map((n) => ({ personId: n.personId, id: n.id, leaseUntil: n.leaseUntil as string }));

  return {
    unreadable: store.damage.list(),
    dangling,
    orphanHolds: withoutRequest.filter((hold) => !isRecent(hold)),
    recentHolds: withoutRequest.filter(isRecent),
    stuckClaims,
  };
}

function isHolding(request: ShadowingRequest | undefined): boolean {
  return request !== undefined && HOLDING_STATES.includes(request.state);
}
