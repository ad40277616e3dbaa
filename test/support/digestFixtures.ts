import type { DigestWorld, PersonSummary } from '../../src/domain/digest/digestTypes';
import { parseIsoWeek, type IsoWeek } from '../../src/domain/digest/isoWeek';
import type { ExchangeRecord } from '../../src/domain/outcomes/exchangeRecord';
import type { RequestWithOutcomes } from '../../src/domain/outcomes/outcomeTypes';
import type { Person, Profession } from '../../src/domain/people';
import type { Doc, DocumentStore } from '../../src/store/documentStore';
import type { RequestState, Transition } from '../../src/domain/requests';

/** Week 10 of 2026: Monday 2 March (GMT). The digest goes out at 08:00 that Monday. */
export const WEEK: IsoWeek = parseIsoWeek('2026-W10') as IsoWeek;
export const NOW = new Date('2026-03-02T08:00:00Z');

function person(
  id: string,
  name: string,
  department: string,
  profession: Profession,
  managerId?: string,
): PersonSummary {
  return { id, name, department, profession, ...(managerId ? { managerId } : {}) };
}

/** Two teams: Alex (Megan's report) and Bob (Mary's report); hosts Adele and Lynne; lead Patti. */
export const PEOPLE: PersonSummary[] = [
  person('alex', 'Alex Wilber', 'Acute Medicine', 'medical', 'megan'),
  person('megan', 'Megan Bowen', 'Acute Medicine', 'medical'),
  person('bob', 'Bob Other-Team', 'Pharmacy', 'pharmacy', 'mary'),
  person('mary', 'Mary Pharmacy-Lead', 'Pharmacy', 'pharmacy'),
  person('carl', 'Carl Visitor', 'Radiology', 'ahp', 'mary'),
  person('dana', 'Dana Earlier', 'Acute Medicine', 'medical', 'megan'),
  person('adele', 'Adele Vance', 'Discharge Team', 'nursing', 'isaiah'),
  person('isaiah', 'Isaiah Langer', 'Discharge Team', 'nursing'),
  person('lynne', 'Lynne Robbins', 'Physiotherapy', 'ahp'),
  person('patti', 'Patti Fernandez', 'Workforce', 'management'),
];

interface RequestSpec {
  id: string;
  visitorId: string;
  managerId: string;
  hostId: string;
  state: RequestState;
  start: string;
  hours?: number;
  /** When the request entered its current state. */
  since: string;
  sentAt?: string;
  confirmedAt?: string;
  offerTitle: string;
}

function request(spec: RequestSpec): RequestWithOutcomes {
  const start = spec.start;
  const end = new Date(Date.parse(start) + (spec.hours ?? 4) * 3_600_000).toISOString();
  const sentAt = spec.sentAt ?? '2026-02-10T10:00:00Z';
  const history: Transition[] = [{ from: 'draft', to: 'awaiting_manager', by: spec.visitorId, at: sentAt }];
  if (spec.confirmedAt)
    history.push({ from: 'awaiting_host', to: 'confirmed', by: spec.hostId, at: spec.confirmedAt });
  const last = history[history.length - 1]!.to;
  if (last !== spec.state) history.push({ from: last, to: spec.state, by: 'system', at: spec.since });
  return {
    id: spec.id,
    visitorId: spec.visitorId,
    managerId: spec.managerId,
    hostId: spec.hostId,
    offerId: `offer-${spec.hostId}`,
    offerTitle: spec.offerTitle,
    state: spec.state,
    what: `PRIVATE-WHAT-${spec.id}`,
    purpose: `PRIVATE-PURPOSE-${spec.id}`,
    objectives: [`PRIVATE-OBJECTIVE-${spec.id}`],
    start,
    end,
    coverNotes: `PRIVATE-COVER-${spec.id}`,
    history,
    createdAt: sentAt,
    updatedAt: spec.since,
  };
}

export const REQUESTS: RequestWithOutcomes[] = [
  // Alex visits Adele this week (Tuesday morning), confirmed a week ago.
  request({
    id: 'r-alex-adele',
    visitorId: 'alex',
    managerId: 'megan',
    hostId: 'adele',
    state: 'confirmed',
    start: '2026-03-03T09:00:00Z',
    since: '2026-02-23T11:00:00Z',
    confirmedAt: '2026-02-23T11:00:00Z',
    sentAt: '2026-02-18T10:00:00Z',
    offerTitle: 'Discharge board round',
  }),
  // Alex's request to Lynne has waited for Megan since 19 Feb: 7 working days by 2 March.
  request({
    id: 'r-alex-lynne',
    visitorId: 'alex',
    managerId: 'megan',
    hostId: 'lynne',
    state: 'awaiting_manager',
    start: '2026-03-19T09:00:00Z',
    since: '2026-02-19T09:00:00Z',
    sentAt: '2026-02-19T09:00:00Z',
    offerTitle: 'Physio on the stroke unit',
  }),
  // Bob's request waits for Adele.
  request({
    id: 'r-bob-adele',
    visitorId: 'bob',
    managerId: 'mary',
    hostId: 'adele',
    state: 'awaiting_host',
    start: '2026-03-12T09:00:00Z',
    since: '2026-02-27T15:00:00Z',
    offerTitle: 'Discharge board round',
  }),
  // Bob visits Lynne this week, Wednesday afternoon.
  request({
    id: 'r-bob-lynne',
    visitorId: 'bob',
    managerId: 'mary',
    hostId: 'lynne',
    state: 'confirmed',
    start: '2026-03-04T13:00:00Z',
    since: '2026-02-25T09:00:00Z',
    confirmedAt: '2026-02-25T09:00:00Z',
    sentAt: '2026-02-20T09:00:00Z',
    offerTitle: 'Physio on the stroke unit',
  }),
  // Alex visited Lynne last week; nobody has checked in yet, so feedback is due.
  request({
    id: 'r-alex-done',
    visitorId: 'alex',
    managerId: 'megan',
    hostId: 'lynne',
    state: 'confirmed',
    start: '2026-02-24T09:00:00Z',
    since: '2026-02-16T09:00:00Z',
    confirmedAt: '2026-02-16T09:00:00Z',
    offerTitle: 'Physio gym session',
  }),
  // Carl visits Lynne in three weeks.
  request({
    id: 'r-carl-lynne',
    visitorId: 'carl',
    managerId: 'mary',
    hostId: 'lynne',
    state: 'confirmed',
    start: '2026-03-20T09:00:00Z',
    since: '2026-02-26T09:00:00Z',
    confirmedAt: '2026-02-26T09:00:00Z',
    offerTitle: 'Physio on the stroke unit',
  }),
  // Dana visited Adele last week and has given feedback.
  {
    ...request({
      id: 'r-dana-adele',
      visitorId: 'dana',
      managerId: 'megan',
      hostId: 'adele',
      state: 'completed',
      start: '2026-02-26T09:00:00Z',
      since: '2026-02-26T14:00:00Z',
      confirmedAt: '2026-02-12T09:00:00Z',
      sentAt: '2026-02-09T09:00:00Z',
      offerTitle: 'Discharge board round',
    }),
    outcomes: {
      visitor: {
        ratings: ['met'],
        knowledge: ['practical_wisdom'],
        doDifferently: 'PRIVATE-DIFFERENTLY-dana',
        wouldRecommend: true,
        followOn: 'none',
        hours: 4,
        at: '2026-02-26T16:00:00Z',
      },
    },
  },
];

function record(
  requestId: string,
  visitorId: string,
  hostId: string,
  start: string,
  visitor: Profession,
  host: Profession,
  ratings: Array<'met' | 'partly' | 'not_met'>,
  hours: number,
): ExchangeRecord {
  const people = new Map(PEOPLE.map((p) => [p.id, p]));
  return {
    id: requestId,
    period: start.slice(0, 7),
    requestId,
    visitorId,
    hostId,
    outcome: 'completed',
    visitStart: start,
    visitEnd: start,
    visitDate: start.slice(0, 10),
    visitor: { profession: visitor, department: people.get(visitorId)?.department },
    host: { profession: host, department: people.get(hostId)?.department },
    crossProfession: visitor !== host,
    objectives: ratings.map((rating, i) => ({ text: `PRIVATE-OBJECTIVE-LOGGED-${requestId}-${i}`, rating })),
    knowledge: ['practical_wisdom'],
    hours,
    doDifferently: `PRIVATE-DIFFERENTLY-${requestId}`,
    remindersNeeded: 0,
    cover: { visitorRostered: false, notesGiven: false },
    costs: { stated: false },
    visitorFeedback: true,
    hostFeedback: false,
    loggedAt: start,
  };
}

export const EXCHANGES: ExchangeRecord[] = [
  // Last week (23 Feb - 1 Mar): two completed visits, both hosted by Adele, one across professions.
  record('r-dana-adele', 'dana', 'adele', '2026-02-26T09:00:00Z', 'medical', 'nursing', ['met'], 4),
  record('r-old-1', 'bob', 'adele', '2026-02-24T09:00:00Z', 'pharmacy', 'pharmacy', ['met', 'partly'], 3.5),
  // The week before: one completed visit hosted by Lynne.
  record('r-old-2', 'carl', 'lynne', '2026-02-17T09:00:00Z', 'ahp', 'ahp', ['not_met'], 8),
];

export function world(overrides: Partial<DigestWorld> = {}): DigestWorld {
  return {
    requests: REQUESTS,
    exchanges: EXCHANGES,
    people: new Map(PEOPLE.map((p) => [p.id, p])),
    ...overrides,
  };
}

/** The fixture people as directory entries; all but `unreachable` have installed the app. Patti is the programme lead. */
export function directoryPeople(unreachable: readonly string[] = []): Person[] {
  return PEOPLE.map((p) => ({
    ...p,
    email: `${p.id}@trust.nhs.uk`,
    jobTitle: 'Staff',
    roles: p.id === 'patti' ? ['staff', 'programme_lead'] : ['staff'],
    ...(unreachable.includes(p.id)
      ? {}
      : {
          conversation: {
            conversation: { id: `a:${p.id}-personal` },
            serviceUrl: 'http://127.0.0.1:9/',
            user: { id: `29:${p.id}` },
          },
        }),
  }));
}

/** Writes the fixture organisation (people, requests, exchange log) into a store. */
export async function seedDigestFixtures(
  store: DocumentStore,
  unreachable: readonly string[] = [],
): Promise<void> {
  for (const person of directoryPeople(unreachable)) await store.upsert('people', person as Person & Doc);
  for (const request of REQUESTS) await store.upsert('requests', request as RequestWithOutcomes & Doc);
  for (const record of EXCHANGES) await store.upsert('exchanges', record as ExchangeRecord & Doc);
}
