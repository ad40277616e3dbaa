import { DateTime } from 'luxon';
import type { HostOffer } from '../domain/offers';
import type { Person } from '../domain/people';
import type { RotaMonth } from '../domain/rota';
import { DEMO_EMAIL_DOMAIN, DEMO_IDS, isPlaygroundKey, makeDemoPersonId } from './demoIds';
import { DEMO_OFFERS, type DemoOfferRow } from './demoOffers';
import { buildDemoRota, DEMO_ZONE, findFirstMonday, type RotaSubject } from './demoRota';
import { withBoardDates } from './demoBoardDates';
import { buildDemoHistory, type DemoHistory } from './demoHistory';
import { DEMO_GRADES, DEMO_ROTA_COORDINATORS } from './demoGrades';
import { DEMO_STAFF, type DemoStaffRow, type RotaPattern } from './demoStaff';

export { DEMO_IDS } from './demoIds';

export interface DemoOrganisation {
  people: Person[];
  offers: HostOffer[];
  rota: RotaMonth[];
  /** Six months of past requests and the exchange log, loaded only when asked for. */
  history: DemoHistory;
}

/**
 * The fictional Northmoor Hospitals NHS Foundation Trust: about 40 staff with grades and rota
 * coordinators, their host offers, eight weeks of rota from the Monday of `today`'s week and six
 * months of past requests before it. Pure: the same date gives the same data.
 */
export function buildDemoOrganisation(today: Date): DemoOrganisation {
  const idByKey = new Map(DEMO_STAFF.map((row, index) => [row.key, assignId(row, index)]));
  const people = DEMO_STAFF.map((row) => toPerson(row, idByKey));
  const firstMonday = findFirstMonday(today);
  const offeredSince = firstMonday.minus({ weeks: 4 }).set({ hour: 9 }).toJSDate().toISOString();
  const offers = DEMO_OFFERS.map((row) =>
    toOffer(withBoardDates(row, firstMonday), people, idByKey, offeredSince),
  );
  const rota = buildDemoRota(listRotaSubjects(idByKey), firstMonday);
  const history = buildDemoHistory(people, offers, idByKey, DateTime.fromJSDate(today, { zone: DEMO_ZONE }));
  return { people, offers, rota, history };
}

function assignId(row: DemoStaffRow, index: number): string {
  return isPlaygroundKey(row.key) ? DEMO_IDS[row.key] : makeDemoPersonId(index + 1);
}

function toPerson(row: DemoStaffRow, idByKey: ReadonlyMap<string, string>): Person {
  const person: Person = {
    id: requireId(idByKey, row.key),
    email: makeEmail(row.name),
    name: row.name,
    jobTitle: row.jobTitle,
    department: row.department,
    profession: row.profession,
    roles: row.roles ?? ['staff'],
  };
  if (row.managerKey !== undefined) person.managerId = requireId(idByKey, row.managerKey);
  const grade = DEMO_GRADES[row.key];
  if (grade) person.grade = grade;
  const coordinator = DEMO_ROTA_COORDINATORS[row.department];
  if (coordinator) person.rotaCoordinatorId = requireId(idByKey, coordinator);
  return person;
}

function makeEmail(name: string): string {
  const localPart = name
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .split(/\s+/)
    .join('.');
  return `${localPart}@${DEMO_EMAIL_DOMAIN}`;
}

function toOffer(
  row: DemoOfferRow,
  people: readonly Person[],
  idByKey: ReadonlyMap<string, string>,
  offeredSince: string,
): HostOffer {
  const hostId = requireId(idByKey, row.hostKey);
  const host = people.find((person) => person.id === hostId);
  if (!host) throw new Error(`Demo offer ${row.id} has no host`);
  const { hostKey: _hostKey, ...details } = row;
  return {
    ...details,
    hostId,
    profession: host.profession,
    department: host.department,
    sessions: row.sessions.map((session) => ({ ...session })),
    openTo: [...row.openTo],
    status: 'active',
    createdAt: offeredSince,
    updatedAt: offeredSince,
  };
}

function listRotaSubjects(idByKey: ReadonlyMap<string, string>): RotaSubject[] {
  const seen = new Map<RotaPattern, number>();
  return DEMO_STAFF.map((row) => {
    const ordinal = seen.get(row.rota) ?? 0;
    seen.set(row.rota, ordinal + 1);
    return { personId: requireId(idByKey, row.key), pattern: row.rota, ordinal };
  });
}

function requireId(idByKey: ReadonlyMap<string, string>, key: string): string {
  const id = idByKey.get(key);
  if (id === undefined) throw new Error(`Demo staff key ${key} is not in the staff list`);
  return id;
}
