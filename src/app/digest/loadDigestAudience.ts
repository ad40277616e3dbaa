import { DateTime } from 'luxon';
import { TREND_WEEKS } from '../../domain/digest/buildDigest';
import { LONDON } from '../../domain/time/formatVisit';
import type { DigestSettings } from '../../domain/digest/digestSettings';
import type { DigestWorld, PersonSummary } from '../../domain/digest/digestTypes';
import { weekBefore, type IsoWeek } from '../../domain/digest/isoWeek';
import type { Period } from '../../domain/digest/measureFigures';
import { FEEDBACK_DAYS } from '../../domain/digest/personalSections';
import type { ExchangeRecord } from '../../domain/outcomes/exchangeRecord';
import type { RequestWithOutcomes } from '../../domain/outcomes/outcomeTypes';
import type { Person } from '../../domain/people';
import { toLondonDate } from '../../domain/time/londonTime';
import { OPEN_STATES } from '../../domain/workflow/transitions';
import type { DocumentStore } from '../../store/documentStore';
import { ExchangesRepository } from '../../store/repositories/exchangesRepository';
import type { Services } from '../services';

type RequestDoc = RequestWithOutcomes & { [field: string]: unknown };
type PersonDoc = Person & { [field: string]: unknown };

const DAY_MS = 86_400_000;
const IDS_PER_QUERY = 100;

/** The data a week's digests are built from, and everyone who might get one. */
export interface DigestAudience {
  world: DigestWorld;
  /** Everyone named on a request in the window, their managers, and the programme leads. */
  people: ReadonlyMap<string, Person>;
  leadIds: ReadonlySet<string>;
}

/**
 * Loads, once per week, what the digests need: requests still open or touched since the trend
 * window began (two cross-partition queries), the exchange log's months for that window (one
 * partition each), and the people named on them (point-sized queries by id).
 */
export async function loadDigestAudience(
  store: DocumentStore,
  services: Services,
  week: IsoWeek,
  now: Date,
  settings: DigestSettings,
): Promise<DigestAudience> {
  const since = Math.min(weekBefore(week, TREND_WEEKS).start, now.getTime() - FEEDBACK_DAYS * DAY_MS);
  const requests = await loadRequests(store, new Date(since).toISOString());
  const exchanges = await loadExchanges(store, { start: since, end: week.end });
  return assemble(store, services, requests, exchanges, settings);
}

/**
 * The same for a report: requests open or touched since `period` began, and its months of the log.
 * `period` is all the report counts: the period asked for and the one before it.
 */
export async function loadReportAudience(
  store: DocumentStore,
  services: Services,
  period: Period,
  settings: DigestSettings,
): Promise<DigestAudience> {
  const requests = await loadRequests(store, new Date(period.start).toISOString());
  const exchanges = await loadExchanges(store, period);
  return assemble(store, services, requests, exchanges, settings);
}

async function assemble(
  store: DocumentStore,
  services: Services,
  requests: RequestWithOutcomes[],
  exchanges: ExchangeRecord[],
  settings: DigestSettings,
): Promise<DigestAudience> {
  const leads = await findProgrammeLeads(services, settings);
  const named = requests
    .flatMap((r) => [r.visitorId, r.managerId, r.hostId])
    .concat(exchanges.map((e) => e.hostId));
  const people = await loadPeople(
    store,
    named.filter((id): id is string => id !== undefined),
  );
  // A visitor's manager in the directory sees their visits even if the request named someone else.
  const managers = [...people.values()]
    .map((p) => p.managerId)
    .filter((id): id is string => id !== undefined && !people.has(id));
  for (const [id, person] of await loadPeople(store, managers)) people.set(id, person);
  for (const lead of leads) people.set(lead.id, lead);
  return {
    world: {
      requests,
      exchanges,
      people: new Map([...people.values()].map((p) => [p.id, summarise(p)])),
      holidays: services.bankHolidays,
    },
    people,
    leadIds: new Set(leads.map((l) => l.id)),
  };
}

async function loadRequests(store: DocumentStore, sinceIso: string): Promise<RequestWithOutcomes[]> {
  const [recent, open] = await Promise.all([
    store.query<RequestDoc>('requests', { where: [{ field: 'updatedAt', op: '>=', value: sinceIso }] }),
    store.query<RequestDoc>('requests', { where: [{ field: 'state', op: 'in', value: [...OPEN_STATES] }] }),
  ]);
  const byId = new Map<string, RequestWithOutcomes>();
  for (const request of [...recent, ...open]) byId.set(`${request.visitorId}/${request.id}`, request);
  return [...byId.values()].filter((r) => r.state !== 'draft');
}

/** Months of the log read before a period, so a first visit there pairs with a return inside it. */
export const PAIRING_MONTHS_BEFORE = 12;

async function loadExchanges(store: DocumentStore, period: Period): Promise<ExchangeRecord[]> {
  const repository = new ExchangesRepository(store);
  const start = DateTime.fromMillis(period.start, { zone: LONDON }).minus({ months: PAIRING_MONTHS_BEFORE });
  const months = monthsBetween({ start: start.toMillis(), end: period.end });
  return (await Promise.all(months.map((month) => repository.listPeriod(month)))).flat();
}

/** Every YYYY-MM (London) the period touches. */
export function monthsBetween(period: Period): string[] {
  const months: string[] = [];
  let month = toLondonDate(period.start).slice(0, 7);
  const last = toLondonDate(period.end - 1).slice(0, 7);
  while (month <= last) {
    months.push(month);
    const [year, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  }
  return months;
}

async function loadPeople(store: DocumentStore, ids: readonly string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, Person>();
  for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
    const chunk = unique.slice(i, i + IDS_PER_QUERY);
    for (const person of await store.query<PersonDoc>('people', {
      where: [{ field: 'id', op: 'in', value: chunk }],
    }))
      found.set(person.id, person);
  }
  return found;
}

/** People with the programme_lead role, and anyone named in PROGRAMME_LEAD_EMAILS. */
export async function findProgrammeLeads(services: Services, settings: DigestSettings): Promise<Person[]> {
  const byRole = await services.people.listProgrammeLeads();
  const byEmail = await Promise.all(
    settings.programmeLeadEmails.map((email) => services.people.findByEmail(email)),
  );
  const leads = new Map<string, Person>();
  for (const person of [...byRole, ...byEmail]) if (person) leads.set(person.id, person);
  return [...leads.values()];
}

/** Whether this person may see aggregates and reports. */
export function isProgrammeLead(person: Person, settings: DigestSettings): boolean {
  return (
    person.roles.includes('programme_lead') ||
    settings.programmeLeadEmails.includes(person.email.trim().toLowerCase())
  );
}

function summarise(person: Person): PersonSummary {
  return {
    id: person.id,
    name: person.name,
    department: person.department,
    profession: person.profession,
    ...(person.managerId ? { managerId: person.managerId } : {}),
  };
}
