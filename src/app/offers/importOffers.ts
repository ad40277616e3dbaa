import { randomUUID } from 'node:crypto';
import type { OfferEntry } from '../../domain/import/parseOfferCsv';
import { SENSITIVE_SETTINGS, type HostOffer } from '../../domain/offers';
import type { Person } from '../../domain/people';
import type { OffersRepository } from '../../store/repositories/offersRepository';
import type { OutboxRepository } from '../../store/repositories/outboxRepository';
import { notificationId, type Notification } from '../notifications';

export interface ImportOffersDependencies {
  offers: OffersRepository;
  outbox: OutboxRepository;
}

export type OfferImportOutcome = 'created' | 'updated' | 'unchanged';

/** The parts of an offer the file sets; anything else (id, status, creation) the store keeps. */
type FileFields = Pick<
  HostOffer,
  | 'title'
  | 'description'
  | 'setting'
  | 'sessions'
  | 'visitorsPerSession'
  | 'capacityPerWeek'
  | 'capacityPerMonth'
  | 'openTo'
  | 'prerequisites'
  | 'meetingPoint'
>;

function fieldsOf(entry: OfferEntry): FileFields {
  return {
    title: entry.title,
    description: entry.description,
    setting: entry.setting,
    sessions: entry.sessions,
    visitorsPerSession: entry.visitorsPerSession,
    capacityPerWeek: entry.capacityPerWeek,
    capacityPerMonth: entry.capacityPerMonth,
    openTo: entry.openTo,
    prerequisites: entry.prerequisites,
    meetingPoint: entry.meetingPoint,
  };
}

function sameFields(offer: HostOffer, fields: FileFields): boolean {
  return (Object.keys(fields) as Array<keyof FileFields>).every(
    (key) =>
      JSON.stringify(offer[key] ?? (key === 'visitorsPerSession' ? 1 : undefined)) ===
      JSON.stringify(fields[key]),
  );
}

/** The host has agreed the induction of a sensitive setting: on a card, or when writing the offer in chat. */
function inductionAgreed(offer: HostOffer): boolean {
  return (
    offer.inductionAcceptedAt !== undefined ||
    (SENSITIVE_SETTINGS.has(offer.setting) && !offer.awaitingInduction)
  );
}

/**
 * The offer with the file's fields. One in a sensitive setting whose host has not agreed the
 * induction is paused until they do; one that no longer needs it opens again.
 */
function withFields(offer: HostOffer, fields: FileFields, stamp: string, agreed: boolean): HostOffer {
  const { awaitingInduction: _was, ...rest } = offer;
  const needsInduction = SENSITIVE_SETTINGS.has(fields.setting) && !agreed;
  if (needsInduction)
    return { ...rest, ...fields, status: 'paused', awaitingInduction: true, updatedAt: stamp };
  const reopened = offer.awaitingInduction ? { status: 'active' as const } : {};
  return { ...rest, ...fields, ...reopened, updatedAt: stamp };
}

function inductionCard(offer: HostOffer, stamp: string): Notification {
  return {
    id: notificationId('induction_terms', offer.id, offer.hostId, 'terms'),
    personId: offer.hostId,
    kind: 'induction_terms',
    requestId: offer.id,
    visitorId: offer.hostId,
    offer: { id: offer.id, title: offer.title, setting: offer.setting },
    status: 'pending',
    attempts: 0,
    createdAt: stamp,
    nextAttemptAt: stamp,
  };
}

/**
 * Creates or updates one imported offer. An offer is the host's offer with the same title, in any
 * case; a re-import that changes nothing writes nothing. A new offer in a sensitive setting is
 * stored paused, and its host is sent the induction terms to accept.
 */
export async function importOffer(
  deps: ImportOffersDependencies,
  host: Person,
  entry: OfferEntry,
  now: Date,
): Promise<{ outcome: OfferImportOutcome; offer: HostOffer }> {
  const stamp = now.toISOString();
  const fields = fieldsOf(entry);
  const existing = (await deps.offers.listForHost(host.id)).find(
    (offer) => offer.title.trim().toLowerCase() === entry.title.trim().toLowerCase(),
  );
  let outcome: OfferImportOutcome;
  let offer: HostOffer;
  if (!existing) {
    const fresh: HostOffer = {
      id: randomUUID(),
      hostId: host.id,
      profession: host.profession,
      department: host.department,
      ...fields,
      status: 'active',
      createdAt: stamp,
      updatedAt: stamp,
    };
    offer = withFields(fresh, fields, stamp, false);
    await deps.offers.create(offer);
    outcome = 'created';
  } else if (sameFields(existing, fields)) {
    return { outcome: 'unchanged', offer: existing };
  } else {
    const found = await deps.offers.find(host.id, existing.id);
    if (!found) throw new Error(`offer ${existing.id} vanished while it was being imported`);
    offer = withFields(found.offer, fields, stamp, inductionAgreed(found.offer));
    await deps.offers.replace(offer, found.etag);
    outcome = 'updated';
  }
  if (offer.awaitingInduction) await deps.outbox.enqueue(inductionCard(offer, stamp));
  return { outcome, offer };
}
