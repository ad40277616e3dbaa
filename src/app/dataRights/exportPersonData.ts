import type { ExchangeRecord } from '../../domain/outcomes/exchangeRecord';
import type { RequestWithOutcomes } from '../../domain/outcomes/outcomeTypes';
import type { Transition } from '../../domain/requests';
import type { Doc, DocumentStore } from '../../store/documentStore';
import { stateDocumentId } from '../../store/stateDocumentId';
import {
  botStateKeys,
  damagedOwnDocuments,
  otherPeople,
  readOwnEntry,
  withoutOtherPeople,
} from './personDirectory';
import { quarantinedFor, type QuarantinedFor } from './quarantinedData';

type Row = Doc & Record<string, unknown>;

/** Everything held about one person, with everyone else reduced to their role. */
export interface PersonDataExport {
  exportedAt: string;
  person: Record<string, unknown>;
  requestsAsVisitor: Array<Record<string, unknown>>;
  requestsAsManager: Array<Record<string, unknown>>;
  requestsAsHost: Array<Record<string, unknown>>;
  offers: Row[];
  rota: Row[];
  tasks: Array<Record<string, unknown>>;
  messages: Array<Record<string, unknown>>;
  exchanges: Array<Record<string, unknown>>;
  conversationState: Array<Record<string, unknown>>;
  /** Documents that could not be read and were set aside by `doctor --repair`. */
  quarantined: Array<Record<string, unknown>>;
  /** Their documents that are still stored but damaged, so could not be read: where they are, not what they hold. */
  unreadable: Array<Record<string, unknown>>;
}

const UNREADABLE_OWN =
  "Could not be read, so it was set aside: shown as it was stored, with other people's names and ids replaced.";
const UNREADABLE_OTHERS =
  "Names you but could not be read, and holds other people's data too, so it is not shown here: " +
  'the data protection officer can review it by hand.';
/** What stands for the directory entry when it could not be read and was set aside. */
const PERSON_SET_ASIDE = {
  unreadable: 'Your directory entry could not be read: it is under "quarantined", as it was stored.',
};

/** What stands for the directory entry when it is stored but damaged, and not set aside yet. */
const PERSON_DAMAGED = {
  unreadable:
    'Your directory entry is still stored, but it is damaged and could not be read, so it is not shown. ' +
    'Because of that, your saved chat with the bot could not be found either. Everything else that could be read is here.',
};
const DAMAGED_OWN =
  'Still stored, but damaged and could not be read, so it is not shown. Once it has been repaired it can be exported as it was stored.';

/**
 * A person's subject-access export. Their own records are given whole; on requests they were
 * party to as manager or host, only their part (their decisions and feedback, the visit's time
 * and setting), never the visitor's words. Anyone else's id, email or name left in any text is
 * replaced with a neutral phrase. Reads each of the person's partitions; the exchange log and the
 * directory are read across partitions, which is fine for a rare administrative request.
 */
export async function exportPersonData(
  store: DocumentStore,
  personId: string,
  now: Date = new Date(),
): Promise<PersonDataExport | undefined> {
  const entry = await readOwnEntry(store, personId);
  const person = entry.state === 'readable' ? entry.doc : undefined;
  const stateIds = person ? botStateKeys(person).map(stateDocumentId) : [];
  const quarantined = await quarantinedFor(store, { id: personId, email: person?.email }, stateIds);
  if (entry.state === 'missing' && !quarantined.own.some((q) => q.from === 'people')) return undefined;
  const [own, tasks, offers, rota, messages, exchanges, others] = await Promise.all([
    store.query<Row>('requests', { partitionKey: personId }),
    store.query<Row>('tasks', { partitionKey: personId }),
    store.query<Row>('offers', { partitionKey: personId }),
    store.query<Row>('rota', { partitionKey: personId }),
    store.query<Row>('outbox', { partitionKey: personId }),
    exchangesOf(store, personId),
    otherPeople(store, personId),
  ]);
  const asParty = await requestsAsParty(store, tasks);
  const states = await Promise.all(stateIds.map((id) => store.read<Row>('botstate', id, id)));
  const exported: PersonDataExport = {
    exportedAt: now.toISOString(),
    person: person ? ownEntry(person) : entry.state === 'damaged' ? PERSON_DAMAGED : PERSON_SET_ASIDE,
    requestsAsVisitor: own.map((r) => ownRequest(r as unknown as RequestWithOutcomes)),
    requestsAsManager: asParty
      .filter((p) => p.role === 'manager')
      .map((p) => partyView(p.request, personId, 'manager')),
    requestsAsHost: asParty
      .filter((p) => p.role === 'host')
      .map((p) => partyView(p.request, personId, 'host')),
    offers,
    rota,
    tasks: tasks.map(({ visitorId: _v, ...task }) => task),
    messages: messages.map(({ visitorId: _v, note: _n, lastError: _e, ...message }) => message),
    exchanges: exchanges.map((record) => exchangeView(record, personId)),
    conversationState: states.flatMap((s) => (s ? [{ id: s.doc.id, state: s.doc.state }] : [])),
    quarantined: quarantinedView(quarantined),
    // After the reads above, which note every damaged document they meet.
    unreadable: damagedOwnDocuments(store, personId, stateIds).map((d) => ({
      container: d.container,
      documentId: d.id,
      status: DAMAGED_OWN,
    })),
  };
  return withoutOtherPeople(exported, others);
}

/** The person's directory entry, with whom it points at as roles. */
function ownEntry(doc: Row): Record<string, unknown> {
  const { managerId, rotaCoordinatorId, ...self } = doc;
  return {
    ...self,
    ...(managerId ? { lineManager: 'recorded in the directory' } : {}),
    ...(rotaCoordinatorId ? { rotaCoordinator: 'recorded in the directory' } : {}),
  };
}

/** Their own set-aside documents as stored; others' that name them, listed without their text. */
function quarantinedView(quarantined: QuarantinedFor): Array<Record<string, unknown>> {
  const about = (q: QuarantinedFor['own'][number]) => ({
    container: q.from,
    quarantineId: q.id,
    setAsideAt: q.setAsideAt,
  });
  return [
    ...quarantined.own.map((q) => ({
      ...about(q),
      documentId: q.documentId,
      status: UNREADABLE_OWN,
      stored: q.stored,
    })),
    ...quarantined.mentioning.map((q) => ({ ...about(q), status: UNREADABLE_OTHERS })),
  ];
}

function roleWord(
  by: string,
  request: RequestWithOutcomes,
  selfRole: 'visitor' | 'manager' | 'host',
  selfId: string,
): string {
  if (by === selfId) return 'you';
  if (by === 'system') return 'the bot';
  if (by === request.visitorId) return 'the visitor';
  if (by === request.managerId) return selfRole === 'visitor' ? 'your manager' : "the visitor's manager";
  if (by === request.hostId) return 'the host';
  return 'a programme lead';
}

function history(
  request: RequestWithOutcomes,
  selfRole: 'visitor' | 'manager' | 'host',
  selfId: string,
): Array<Omit<Transition, 'by'> & { by: string }> {
  return request.history.map((t) => ({ ...t, by: roleWord(t.by, request, selfRole, selfId) }));
}

/** The visitor's own request: all of it, with the other parties as roles and without the host's words. */
function ownRequest(request: RequestWithOutcomes): Record<string, unknown> {
  const { managerId, hostId, history: _h, outcomes, ...rest } = request;
  const { host: _hostWords, ...ownOutcomes } = outcomes ?? {};
  return {
    ...rest,
    ...(managerId ? { manager: 'your line manager' } : {}),
    ...(hostId ? { host: 'the host' } : {}),
    history: history(request, 'visitor', request.visitorId),
    ...(outcomes
      ? {
          outcomes: {
            ...ownOutcomes,
            ...(ownOutcomes.checkIn
              ? {
                  checkIn: {
                    ...ownOutcomes.checkIn,
                    by: roleWord(ownOutcomes.checkIn.by, request, 'visitor', request.visitorId),
                  },
                }
              : {}),
          },
        }
      : {}),
  };
}

/** A request the person was manager or host of: only their part. */
function partyView(
  request: RequestWithOutcomes,
  personId: string,
  role: 'manager' | 'host',
): Record<string, unknown> {
  return {
    requestId: request.id,
    yourRole: role,
    state: request.state,
    ...(request.start ? { start: request.start, end: request.end } : {}),
    ...(request.setting ? { setting: request.setting } : {}),
    ...(role === 'host' && request.offerId ? { offerId: request.offerId } : {}),
    yourDecisions: history(request, role, personId).filter((t) => t.by === 'you'),
    ...(role === 'host' && request.outcomes?.host ? { yourFeedback: request.outcomes.host } : {}),
  };
}

function exchangeView(record: ExchangeRecord, personId: string): Record<string, unknown> {
  const { visitorId, hostId: _h, offerId: _o, ...rest } = record;
  if (visitorId === personId) {
    const { hostTeamGained: _g, wouldHostAgain: _w, ...mine } = rest;
    return { yourRole: 'visitor', ...mine };
  }
  const { doDifferently: _d, followUp: _f, objectives: _obj, wouldRecommend: _r, ...mine } = rest;
  return { yourRole: 'host', ...mine };
}

async function exchangesOf(store: DocumentStore, personId: string): Promise<ExchangeRecord[]> {
  const [asVisitor, asHost] = await Promise.all([
    store.query<ExchangeRecord & Row>('exchanges', {
      where: [{ field: 'visitorId', op: '=', value: personId }],
    }),
    store.query<ExchangeRecord & Row>('exchanges', {
      where: [{ field: 'hostId', op: '=', value: personId }],
    }),
  ]);
  return [...asVisitor, ...asHost.filter((r) => r.visitorId !== personId)];
}

/** The requests a person's task pointers name, read from each visitor's partition. */
async function requestsAsParty(
  store: DocumentStore,
  tasks: Row[],
): Promise<Array<{ role: 'manager' | 'host'; request: RequestWithOutcomes }>> {
  const pointers = tasks.filter(
    (t) =>
      (t.role === 'manager' || t.role === 'host') &&
      typeof t.requestId === 'string' &&
      typeof t.visitorId === 'string',
  );
  const read = await Promise.all(
    pointers.map((t) => store.read<Row>('requests', t.requestId as string, t.visitorId as string)),
  );
  return read.flatMap((found, i) =>
    found
      ? [
          {
            role: pointers[i]?.role as 'manager' | 'host',
            request: found.doc as unknown as RequestWithOutcomes,
          },
        ]
      : [],
  );
}
