import { randomUUID } from 'node:crypto';
import {
  anonymiseExchange,
  anonymiseVisitorRequest,
  mentionsPerson,
  removePartyFromRequest,
  scrubPerson,
  type ErasedPerson,
} from '../../domain/dataRights/anonymise';
import type { ExchangeRecord } from '../../domain/outcomes/exchangeRecord';
import type { RequestWithOutcomes } from '../../domain/outcomes/outcomeTypes';
import { CONTAINER_NAMES, partitionKeyField, type ContainerName } from '../../store/containers';
import type { Doc, DocumentStore } from '../../store/documentStore';
import { isCatalogueEntry } from '../../store/repositories/offerCatalogue';
import { stateDocumentId } from '../../store/stateDocumentId';
import type { Notification } from '../notifications';
import { keptCard } from './keptCards';
import { botStateKeys, damagedOwnDocuments, readOwnEntry } from './personDirectory';
import { isOwnQuarantined } from './quarantinedData';

type Row = Doc & Record<string, unknown>;

export interface ErasureReport {
  deleted: Partial<Record<ContainerName, number>>;
  anonymised: Partial<Record<ContainerName, number>>;
}

/**
 * Containers whose documents that mention the person are deleted outright rather than kept
 * anonymised. Messages to others go too, but for the cards with buttons in their chats (keptCard).
 */
const DELETE_WHEN_MENTIONED: ReadonlySet<ContainerName> = new Set(['rota', 'botstate', 'jobs']);

/**
 * Erases a person's personal data: their directory entry, rota, offers, messages, task pointers,
 * bot state and anything else that names them are deleted (of messages to others, only cards with
 * buttons are kept, without the person, so those buttons can still be taken off); their requests
 * are kept only as anonymised counts (a fresh random visitor id, none of their words); requests they managed or
 * hosted and the exchange log keep professions, departments, dates and ratings, with their id and
 * their words removed. Documents set aside as unreadable go too when they were the person's own;
 * others' that name them keep their stored text with the person's id, email and name taken out.
 * Their documents that are stored but damaged (not yet set aside), their directory entry among
 * them, are deleted whole. Reads every container across partitions: slow, and only for the rare
 * request of a data protection officer or the person themself. Safe to run again.
 */
export async function erasePersonData(
  store: DocumentStore,
  personId: string,
  known: { email?: string; name?: string } = {},
): Promise<ErasureReport | undefined> {
  const entry = await readOwnEntry(store, personId);
  const found = entry.state === 'readable' ? entry.doc : undefined;
  const person: ErasedPerson = found
    ? { id: personId, email: found.email, name: found.name }
    : { id: personId, ...known };
  const report: ErasureReport = { deleted: {}, anonymised: {} };
  const count = (kind: 'deleted' | 'anonymised', container: ContainerName) => {
    report[kind][container] = (report[kind][container] ?? 0) + 1;
  };
  const stateIds = found ? botStateKeys(found).map(stateDocumentId) : [];
  for (const id of stateIds) {
    if (await store.delete('botstate', id, id)) count('deleted', 'botstate');
  }
  const movedRequests = await eraseRequests(store, person, count);
  for (const container of CONTAINER_NAMES.filter((c) => c !== 'requests')) {
    const docs = await store.query<Row>(container);
    for (const doc of docs.filter((d) => mentionsPerson(d, person))) {
      const key = String(doc[partitionKeyField(container)]);
      // A catalogue copy of an offer goes, or is kept without the person, as its offer is.
      // A set-aside document of theirs goes whole; someone else's keeps its text without them.
      const goes =
        DELETE_WHEN_MENTIONED.has(container) ||
        key === personId ||
        (container === 'offers' && isCatalogueEntry(doc) && hostOfCopy(doc) === personId) ||
        (container === 'quarantine' && isOwnQuarantined(doc, personId, stateIds));
      const replacement = goes ? undefined : keptVersion(container, doc, person, movedRequests);
      if (replacement) {
        await store.upsert(container, replacement);
        count('anonymised', container);
      } else if (await store.delete(container, doc.id, key)) count('deleted', container);
    }
  }
  await eraseDamaged(store, personId, stateIds, entry.state === 'damaged', count);
  return found || Object.keys(report.deleted).length + Object.keys(report.anonymised).length > 0
    ? report
    : undefined;
}

/**
 * The person's own documents that are stored but damaged (their directory entry among them), which
 * the queries above passed over because they cannot be read: deleted whole, as they cannot be
 * kept without the person in them. The queries above met every one, so the store has noted them.
 */
async function eraseDamaged(
  store: DocumentStore,
  personId: string,
  stateIds: readonly string[],
  entryDamaged: boolean,
  count: (kind: 'deleted' | 'anonymised', c: ContainerName) => void,
): Promise<void> {
  const damaged = damagedOwnDocuments(store, personId, stateIds);
  if (entryDamaged && !damaged.some((d) => d.container === 'people'))
    damaged.push({ container: 'people', partitionKey: personId, id: personId });
  for (const doc of damaged) {
    const container = doc.container as ContainerName;
    if (await store.delete(container, doc.id, doc.partitionKey)) count('deleted', container);
    store.damage.forget(doc);
  }
}

function hostOfCopy(doc: Row): unknown {
  return (doc.offer as { hostId?: unknown } | undefined)?.hostId;
}

/** A document kept for others, without the person in it; undefined when it should go. */
function keptVersion(
  container: ContainerName,
  doc: Row,
  person: ErasedPerson,
  moved: Map<string, string>,
): Row | undefined {
  if (container === 'exchanges')
    return anonymiseExchange(doc as unknown as ExchangeRecord, person) as unknown as Row;
  if (container === 'outbox')
    return keptCard(doc as unknown as Notification, person, moved.get(String(doc.requestId))) as
      Row | undefined;
  if (container === 'people') {
    // Someone whose manager or rota coordinator was the person no longer has one recorded.
    const kept = Object.fromEntries(
      Object.entries(doc).filter(
        ([key, value]) => !((key === 'managerId' || key === 'rotaCoordinatorId') && value === person.id),
      ),
    ) as Row;
    return scrubPerson(kept, person) as Row;
  }
  if (container === 'tasks') {
    // A pointer to a request of the erased visitor follows the request to its new partition.
    const visitorId = doc.visitorId === person.id ? moved.get(String(doc.requestId)) : undefined;
    if (doc.visitorId === person.id && !visitorId) return undefined;
    return scrubPerson({ ...doc, ...(visitorId ? { visitorId } : {}) }, person) as Row;
  }
  return scrubPerson(doc, person) as Row;
}

/** Requests: the person's own move to a fresh anonymous partition; others lose the person's part. */
async function eraseRequests(
  store: DocumentStore,
  person: ErasedPerson,
  count: (kind: 'deleted' | 'anonymised', c: ContainerName) => void,
): Promise<Map<string, string>> {
  const moved = new Map<string, string>();
  const all = await store.query<Row>('requests');
  for (const doc of all.filter((d) => mentionsPerson(d, person))) {
    const request = doc as unknown as RequestWithOutcomes;
    if (request.visitorId === person.id) {
      const anonymousId = `erased-${randomUUID()}`;
      await store.upsert('requests', anonymiseVisitorRequest(request, anonymousId, person) as unknown as Row);
      await store.delete('requests', request.id, person.id);
      moved.set(request.id, anonymousId);
    } else {
      await store.upsert('requests', removePartyFromRequest(request, person) as unknown as Row);
    }
    count('anonymised', 'requests');
  }
  return moved;
}
