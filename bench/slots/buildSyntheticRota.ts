import { CYCLE_STEP_DAYS, SHIFT_TEMPLATES, WEEK_CYCLES } from '../../src/demo/demoShiftPatterns';
import type { RotaPattern } from '../../src/demo/demoStaff';
import { createSeededRandom, type SeededRandom } from '../../src/demo/seededRandom';
import type { HostOffer, SessionPart, Weekday } from '../../src/domain/offers';
import type { Person, Profession } from '../../src/domain/people';
import type { RotaMonth, Shift } from '../../src/domain/rota';
import { addDays, toLondonDate, toLondonInstant, WEEKDAYS } from '../../src/domain/time/londonTime';

/** A deterministic trust: staff on the demo's shift patterns, a year of rota, an offer per host. */
export interface SyntheticTrust {
  people: Person[];
  /** By person id, the person's months in order. */
  rota: Map<string, RotaMonth[]>;
  offers: Map<string, HostOffer>;
  firstDay: string;
  days: number;
  shiftCount: number;
}

const PATTERNS: ReadonlyArray<[RotaPattern, Profession, number]> = [
  ['nurse_shifts', 'nursing', 0.45],
  ['junior_doctor', 'medical', 0.15],
  ['consultant', 'medical', 0.1],
  ['weekday_clinical', 'ahp', 0.15],
  ['office', 'admin', 0.15],
];
const PARTS: readonly SessionPart[] = ['am', 'pm', 'full_day'];

/**
 * `staff` people with `days` days of rota from `firstDay` (a London date), each on a demo shift
 * pattern moved along its cycle, with three blocks of annual leave; every tenth person offers
 * two sessions a week.
 */
export function buildSyntheticTrust(staff: number, firstDay: string, days: number): SyntheticTrust {
  const random = createSeededRandom(`bench:${staff}:${firstDay}:${days}`);
  const instantOf = createInstantCache();
  const people: Person[] = [];
  const rota = new Map<string, RotaMonth[]>();
  const offers = new Map<string, HostOffer>();
  const ordinals = new Map<RotaPattern, number>();
  let shiftCount = 0;
  for (let index = 0; index < staff; index += 1) {
    const [pattern, profession] = choosePattern(random);
    const ordinal = ordinals.get(pattern) ?? 0;
    ordinals.set(pattern, ordinal + 1);
    const person = createPerson(index, profession);
    people.push(person);
    const shifts = planShifts(pattern, ordinal, firstDay, days, random, instantOf);
    shiftCount += shifts.length;
    rota.set(person.id, groupByMonth(person.id, shifts));
    if (index % 10 === 0) offers.set(person.id, createOffer(person, random));
  }
  return { people, rota, offers, firstDay, days, shiftCount };
}

function choosePattern(random: SeededRandom): [RotaPattern, Profession] {
  let roll = random.next();
  for (const [pattern, profession, share] of PATTERNS) {
    if (roll < share) return [pattern, profession];
    roll -= share;
  }
  return ['office', 'admin'];
}

function createPerson(index: number, profession: Profession): Person {
  const id = `bench-${String(index).padStart(5, '0')}`;
  return {
    id,
    email: `${id}@trust.example`,
    name: `Staff ${index}`,
    jobTitle: 'Staff',
    department: `Dept ${index % 40}`,
    profession,
    roles: ['staff'],
  };
}

function planShifts(
  pattern: RotaPattern,
  ordinal: number,
  firstDay: string,
  days: number,
  random: SeededRandom,
  instantOf: (date: string, time: string) => number,
): Shift[] {
  const cycle = WEEK_CYCLES[pattern].flatMap((week) => week.split(' '));
  const offset = ordinal * CYCLE_STEP_DAYS[pattern];
  const leaveStarts = new Set(Array.from({ length: 3 }, () => random.integer(0, days - 7)));
  const templates = SHIFT_TEMPLATES[pattern];
  const shifts: Shift[] = [];
  let leaveLeft = 0;
  let previousEnd = 0;
  for (let day = 0; day < days; day += 1) {
    if (leaveStarts.has(day)) leaveLeft = 5;
    const entry = cycle[(day + offset) % cycle.length] ?? '.';
    const codes = leaveLeft > 0 && entry !== '.' ? ['AL'] : entry === '.' ? [] : entry.split('+');
    leaveLeft = Math.max(0, leaveLeft - 1);
    const date = addDays(firstDay, day);
    for (const code of codes) {
      const template = templates[code];
      if (!template) continue;
      const start = Math.max(previousEnd, instantOf(date, template.start));
      const end = instantOf(template.end <= template.start ? addDays(date, 1) : date, template.end);
      if (start >= end) continue;
      shifts.push({
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        kind: template.kind,
        code,
      });
      previousEnd = end;
    }
  }
  return shifts;
}

function groupByMonth(personId: string, shifts: readonly Shift[]): RotaMonth[] {
  const months = new Map<string, RotaMonth>();
  for (const shift of shifts) {
    const month = toLondonDate(Date.parse(shift.start)).slice(0, 7);
    let held = months.get(month);
    if (!held) months.set(month, (held = { personId, month, shifts: [] }));
    held.shifts.push(shift);
  }
  return [...months.values()];
}

function createOffer(host: Person, random: SeededRandom): HostOffer {
  const sessions = Array.from({ length: 2 }, () => ({
    weekday: WEEKDAYS[random.integer(0, 4)] as Weekday,
    part: PARTS[random.integer(0, 2)] as SessionPart,
  }));
  return {
    id: `offer-${host.id}`,
    hostId: host.id,
    title: 'Shadow a shift',
    description: 'See the work of the team.',
    profession: host.profession,
    department: host.department,
    setting: 'office',
    sessions,
    capacityPerWeek: 2,
    capacityPerMonth: 6,
    openTo: [],
    prerequisites: '',
    meetingPoint: 'Reception',
    status: 'active',
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: '2026-01-01T09:00:00Z',
  };
}

/** Everyone works the same few times of day, so each date's conversions are worked out once. */
function createInstantCache(): (date: string, time: string) => number {
  const cache = new Map<string, number>();
  return (date, time) => {
    const key = `${date}T${time}`;
    let instant = cache.get(key);
    if (instant === undefined) cache.set(key, (instant = toLondonInstant(date, time)));
    return instant;
  };
}
