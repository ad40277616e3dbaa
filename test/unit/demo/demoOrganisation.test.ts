import { DateTime } from 'luxon';
import { buildDemoOrganisation, DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { PROFESSIONS, type Person } from '../../../src/domain/people';
import { SETTINGS } from '../../../src/domain/offers';
import { SHIFT_KINDS, type Shift } from '../../../src/domain/rota';

const ZONE = 'Europe/London';
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,13}$/;

const TODAY = new Date('2025-06-11T10:00:00Z');
const organisation = buildDemoOrganisation(TODAY);
const byId = new Map(organisation.people.map((person) => [person.id, person]));

function personFor(id: string): Person {
  const person = byId.get(id);
  if (!person) throw new Error(`no person ${id}`);
  return person;
}

function shiftsOf(org: ReturnType<typeof buildDemoOrganisation>, personId: string): Shift[] {
  return org.rota
    .filter((month) => month.personId === personId)
    .flatMap((month) => month.shifts)
    .sort((a, b) => a.start.localeCompare(b.start));
}

function hoursOf(shift: Shift): number {
  return (Date.parse(shift.end) - Date.parse(shift.start)) / 3_600_000;
}

function localDate(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: ZONE });
}

describe('the demo staff', () => {
  it('has about forty people with unique GUID-shaped ids and emails', () => {
    const { people } = organisation;
    expect(people.length).toBeGreaterThanOrEqual(35);
    expect(people.length).toBeLessThanOrEqual(45);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    for (const person of people) {
      expect(person.id).toMatch(GUID);
      expect(person.email).toMatch(/^[a-z]+(\.[a-z]+)+@northmoor-nhs\.example$/);
    }
  });

  it('includes every profession group', () => {
    const present = new Set(organisation.people.map((p) => p.profession));
    for (const profession of PROFESSIONS) expect(present).toContain(profession);
  });

  it('gives everyone but the chief executive a manager who is on the staff list', () => {
    const withoutManager = organisation.people.filter((p) => p.managerId === undefined);
    expect(withoutManager.map((p) => p.jobTitle)).toEqual(['Chief Executive']);
    for (const person of organisation.people) {
      if (person.managerId !== undefined) {
        expect(byId.has(person.managerId)).toBe(true);
        expect(person.managerId).not.toBe(person.id);
      }
    }
  });

  it('has no loops in the management chain: every chain reaches the chief executive', () => {
    for (const person of organisation.people) {
      const visited = new Set<string>();
      let current: Person | undefined = person;
      while (current?.managerId !== undefined) {
        expect(visited.has(current.id)).toBe(false);
        visited.add(current.id);
        current = byId.get(current.managerId);
      }
      expect(current?.jobTitle).toBe('Chief Executive');
    }
  });

  it('casts the six Playground identities in their demo roles', () => {
    const alex = personFor(DEMO_IDS.alex);
    const megan = personFor(DEMO_IDS.megan);
    const adele = personFor(DEMO_IDS.adele);
    const isaiah = personFor(DEMO_IDS.isaiah);
    const patti = personFor(DEMO_IDS.patti);
    const lynne = personFor(DEMO_IDS.lynne);

    expect(alex).toMatchObject({ name: 'Alex Wilber', profession: 'medical', department: 'Acute Medicine' });
    expect(alex.jobTitle).toMatch(/FY1/);
    expect(alex.managerId).toBe(DEMO_IDS.megan);
    expect(megan).toMatchObject({ name: 'Megan Bowen', profession: 'medical', department: 'Acute Medicine' });
    expect(adele).toMatchObject({ name: 'Adele Vance', department: 'Discharge and Patient Flow' });
    expect(adele.jobTitle).toMatch(/Discharge Coordinator/);
    expect(adele.managerId).toBe(DEMO_IDS.isaiah);
    expect(isaiah.name).toBe('Isaiah Langer');
    expect(isaiah.jobTitle).toMatch(/Patient Flow/);
    expect(patti.name).toBe('Patti Fernandez');
    expect(patti.roles).toContain('programme_lead');
    expect(lynne).toMatchObject({ name: 'Lynne Robbins', profession: 'ahp' });
  });

  it('keeps the Playground ids verbatim, with thirteen digits in the last group', () => {
    for (const id of Object.values(DEMO_IDS)) {
      expect(id).toMatch(/^00000000-0000-0000-0000-00000000000\d{2}$/);
      expect(byId.has(id)).toBe(true);
    }
  });

  it('makes Patti the only programme lead', () => {
    const leads = organisation.people.filter((p) => p.roles.includes('programme_lead'));
    expect(leads.map((p) => p.id)).toEqual([DEMO_IDS.patti]);
  });
});

describe('the demo host offers', () => {
  it('has eight to twelve offers, each hosted by someone on the staff list', () => {
    expect(organisation.offers.length).toBeGreaterThanOrEqual(8);
    expect(organisation.offers.length).toBeLessThanOrEqual(12);
    expect(new Set(organisation.offers.map((o) => o.id)).size).toBe(organisation.offers.length);
    for (const offer of organisation.offers) {
      const host = personFor(offer.hostId);
      expect(offer.department).toBe(host.department);
      expect(offer.profession).toBe(host.profession);
      expect(SETTINGS).toContain(offer.setting);
      expect(offer.sessions.length).toBeGreaterThan(0);
      expect(offer.capacityPerWeek).toBeGreaterThan(0);
      expect(offer.capacityPerMonth).toBeGreaterThanOrEqual(offer.capacityPerWeek);
      expect(offer.meetingPoint).not.toBe('');
      expect(Date.parse(offer.createdAt)).toBeLessThan(TODAY.getTime());
    }
  });

  it('spans sensitive and non-clinical settings', () => {
    const settings = new Set(organisation.offers.map((o) => o.setting));
    for (const setting of [
      'outpatient_clinic',
      'office',
      'community',
      'ward',
      'theatre',
      'research',
      'board_or_policy_meeting',
    ] as const) {
      expect(settings).toContain(setting);
    }
  });

  it("has Adele hosting the discharge team's board round", () => {
    const adeles = organisation.offers.filter((o) => o.hostId === DEMO_IDS.adele);
    expect(adeles).toHaveLength(1);
    expect(adeles[0]?.description).toMatch(/board round/);
    expect(adeles[0]?.description).toMatch(/discharge planning meeting/);
  });

  it('has Lynne hosting as well', () => {
    expect(organisation.offers.some((o) => o.hostId === DEMO_IDS.lynne)).toBe(true);
  });
});

describe('the demo rota', () => {
  it('covers everyone for eight weeks from the Monday of the given week', () => {
    const firstMonday = DateTime.fromISO('2025-06-09', { zone: ZONE });
    const end = firstMonday.plus({ weeks: 8 });
    for (const person of organisation.people) {
      const shifts = shiftsOf(organisation, person.id);
      expect(shifts.length).toBeGreaterThan(20);
      for (const shift of shifts) {
        expect(localDate(shift.start) >= firstMonday).toBe(true);
        expect(localDate(shift.start) < end).toBe(true);
      }
    }
  });

  it('stores half-open intervals as UTC ISO strings with start before end', () => {
    for (const month of organisation.rota) {
      for (const shift of month.shifts) {
        expect(shift.start).toMatch(UTC_ISO);
        expect(shift.end).toMatch(UTC_ISO);
        expect(Date.parse(shift.start)).toBeLessThan(Date.parse(shift.end));
        expect(SHIFT_KINDS).toContain(shift.kind);
      }
    }
  });

  it('never overlaps two entries for one person', () => {
    for (const person of organisation.people) {
      const shifts = shiftsOf(organisation, person.id);
      for (let i = 1; i < shifts.length; i += 1) {
        expect(Date.parse(shifts[i]!.start)).toBeGreaterThanOrEqual(Date.parse(shifts[i - 1]!.end));
      }
    }
  });

  it('groups shifts into one document per person per Europe/London month of the start', () => {
    const keys = organisation.rota.map((m) => `${m.personId}:${m.month}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const month of organisation.rota) {
      for (const shift of month.shifts) expect(localDate(shift.start).toFormat('yyyy-MM')).toBe(month.month);
    }
  });

  it('gives shift workers a mix of shift kinds and office staff weekday days', () => {
    const kinds = new Set(organisation.rota.flatMap((m) => m.shifts.map((s) => s.kind)));
    for (const kind of [
      'duty',
      'night',
      'long_day',
      'on_call',
      'annual_leave',
      'study_leave',
      'rest',
    ] as const) {
      expect(kinds).toContain(kind);
    }
    const patti = shiftsOf(organisation, DEMO_IDS.patti).filter((s) => s.kind === 'duty');
    for (const shift of patti) {
      expect(localDate(shift.start).weekday).toBeLessThanOrEqual(5);
      expect(localDate(shift.start).toFormat('HH:mm')).toBe('09:00');
      expect(localDate(shift.end).toFormat('HH:mm')).toBe('17:00');
    }
  });

  it('gives Alex working days, weekday rest days and some annual leave', () => {
    const alex = shiftsOf(organisation, DEMO_IDS.alex);
    const isWeekday = (s: Shift) => localDate(s.start).weekday <= 5;
    expect(alex.filter((s) => s.kind === 'duty' && isWeekday(s)).length).toBeGreaterThan(5);
    expect(alex.filter((s) => s.kind === 'rest' && isWeekday(s)).length).toBeGreaterThan(2);
    expect(alex.filter((s) => s.kind === 'annual_leave').length).toBeGreaterThanOrEqual(2);
  });

  it('runs a night from 20:00 to 08:00 the next morning, Europe/London', () => {
    const nights = shiftsOf(organisation, DEMO_IDS.alex).filter((s) => s.kind === 'night');
    expect(nights.length).toBeGreaterThan(0);
    for (const night of nights) {
      const start = localDate(night.start);
      const end = localDate(night.end);
      expect(start.toFormat('HH:mm')).toBe('20:00');
      expect(end.toFormat('HH:mm')).toBe('08:00');
      expect(end.toISODate()).toBe(start.plus({ days: 1 }).toISODate());
    }
  });

  it.each([
    ['March', new Date('2025-03-27T12:00:00Z'), '2025-03-30T01:00:00.000Z', -1],
    ['October', new Date('2025-10-23T12:00:00Z'), '2025-10-26T01:00:00.000Z', 1],
  ])(
    'lengthens or shortens nights that cross the %s clock change',
    (_label, today, change, hourDifference) => {
      const org = buildDemoOrganisation(today);
      const changeAt = Date.parse(change);
      const crossing = org.rota
        .flatMap((m) => m.shifts)
        .filter((s) => s.kind === 'night' && Date.parse(s.start) < changeAt && changeAt < Date.parse(s.end));
      expect(crossing.length).toBeGreaterThan(0);
      for (const night of crossing) {
        const start = localDate(night.start);
        const end = localDate(night.end);
        const wallClockHours = 24 - (start.hour + start.minute / 60) + (end.hour + end.minute / 60);
        expect(hoursOf(night)).toBe(wallClockHours + hourDifference);
      }
      const doctorsNight = crossing.find((s) => localDate(s.start).hour === 20);
      expect(doctorsNight && hoursOf(doctorsNight)).toBe(12 + hourDifference);
    },
  );

  it('keeps entries apart and gives Alex leave whichever week it starts in', () => {
    for (let week = 0; week < 52; week += 5) {
      const org = buildDemoOrganisation(new Date(Date.UTC(2026, 0, 7 + week * 7, 12)));
      for (const person of org.people) {
        const shifts = shiftsOf(org, person.id);
        for (let i = 1; i < shifts.length; i += 1) {
          expect(Date.parse(shifts[i]!.start)).toBeGreaterThanOrEqual(Date.parse(shifts[i - 1]!.end));
        }
      }
      expect(shiftsOf(org, DEMO_IDS.alex).some((s) => s.kind === 'annual_leave')).toBe(true);
    }
  });

  it('is deterministic: the same day gives the same organisation', () => {
    expect(buildDemoOrganisation(new Date(TODAY))).toEqual(organisation);
  });

  it('builds the same rota for any day of the same week', () => {
    const wednesday = buildDemoOrganisation(new Date('2025-06-11T10:00:00Z'));
    const sunday = buildDemoOrganisation(new Date('2025-06-15T20:00:00Z'));
    expect(sunday.rota).toEqual(wednesday.rota);
  });
});
