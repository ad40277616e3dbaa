import { DateTime } from 'luxon';
import { toLondonInstant } from '../domain/time/londonTime';
import type { RotaMonth, Shift } from '../domain/rota';
import {
  ANNUAL_LEAVE_CODE,
  CYCLE_STEP_DAYS,
  NON_WORKING_CODES,
  SHIFT_TEMPLATES,
  WEEK_CYCLES,
  type ShiftTemplate,
} from './demoShiftPatterns';
import type { RotaPattern } from './demoStaff';
import { DEMO_IDS } from './demoIds';
import { createSeededRandom, type SeededRandom } from './seededRandom';

export const DEMO_ZONE = 'Europe/London';
export const DEMO_ROTA_WEEKS = 8;

/** Whose rota to build: `ordinal` is the person's position among those on the same pattern. */
export interface RotaSubject {
  personId: string;
  pattern: RotaPattern;
  ordinal: number;
}

/** Midnight (Europe/London) on the Monday of the week that holds `today`. */
export function findFirstMonday(today: Date): DateTime {
  return DateTime.fromJSDate(today, { zone: DEMO_ZONE }).startOf('week');
}

/** Eight weeks of rota from `firstMonday` for each subject, as one document per person per month. */
export function buildDemoRota(subjects: readonly RotaSubject[], firstMonday: DateTime): RotaMonth[] {
  const calendar = createCalendar(firstMonday);
  return subjects.flatMap((subject) => {
    const days = planDays(subject);
    const firstLeaveWeek = PLAYGROUND_PEOPLE.has(subject.personId) ? PLAYGROUND_FIRST_LEAVE_WEEK : 1;
    addAnnualLeave(
      days,
      createSeededRandom(`${subject.personId}:${firstMonday.toISODate()}`),
      firstLeaveWeek,
    );
    return groupByMonth(subject.personId, toDatedShifts(days, SHIFT_TEMPLATES[subject.pattern], calendar));
  });
}

/** The rota codes for each day of the period, read off the pattern's repeating cycle. */
function planDays(subject: RotaSubject): string[][] {
  const cycleDays = WEEK_CYCLES[subject.pattern].flatMap((week) => week.split(' '));
  const offset = subject.ordinal * CYCLE_STEP_DAYS[subject.pattern];
  return Array.from({ length: DEMO_ROTA_WEEKS * 7 }, (_, day) => {
    const entry = cycleDays[(day + offset) % cycleDays.length] ?? '.';
    return entry === '.' ? [] : entry.split('+');
  });
}

/**
 * The people of the Playground walk-through take no leave in the first three weeks (this week,
 * next week, the week after), so asking for "next week" or "in two weeks" works whatever the date.
 * Everyone else takes theirs somewhere from next week on.
 */
const PLAYGROUND_FIRST_LEAVE_WEEK = 3;
const PLAYGROUND_PEOPLE: ReadonlySet<string> = new Set(Object.values(DEMO_IDS));

/** One block of two or three days' annual leave, replacing working days, from `firstWeek` on. */
function addAnnualLeave(days: string[][], random: SeededRandom, firstWeek: number): void {
  const firstDay = random.integer(firstWeek, DEMO_ROTA_WEEKS - 2) * 7 + random.integer(0, 2);
  let remaining = random.integer(2, 3);
  for (let day = firstDay; day < firstDay + 7 && day < days.length && remaining > 0; day += 1) {
    if (isWorkingDay(days[day] ?? [])) {
      days[day] = [ANNUAL_LEAVE_CODE];
      remaining -= 1;
    }
  }
}

function isWorkingDay(codes: readonly string[]): boolean {
  return codes.length > 0 && codes.every((code) => !NON_WORKING_CODES.has(code));
}

/** A shift with the Europe/London month (YYYY-MM) of the day it starts on. */
interface DatedShift {
  month: string;
  shift: Shift;
}

/**
 * Turns day codes into UTC shifts. A whole-day entry (rest, leave) that follows a night starts when
 * the night ends, so no two entries overlap; any other overlap is a mistake in the tables.
 */
function toDatedShifts(
  days: string[][],
  templates: Record<string, ShiftTemplate>,
  calendar: Calendar,
): DatedShift[] {
  const shifts: DatedShift[] = [];
  let previousEnd = 0;
  days.forEach((codes, dayIndex) => {
    const month = calendar.monthOf(dayIndex);
    for (const code of codes) {
      const template = templates[code];
      if (!template) throw new Error(`Demo rota code ${code} has no template`);
      let start = calendar.instantOf(dayIndex, template.start);
      const end = calendar.instantOf(template.end <= template.start ? dayIndex + 1 : dayIndex, template.end);
      if (start < previousEnd) {
        if (template.start !== '00:00')
          throw new Error(`Demo rota code ${code} overlaps the entry before it`);
        start = previousEnd;
      }
      if (start >= end) continue;
      const shift = {
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        kind: template.kind,
        code,
        source: 'demo' as const,
      };
      shifts.push({ month, shift });
      previousEnd = end;
    }
  });
  return shifts;
}

/** Europe/London days counted from the first Monday, with their wall-clock times as UTC instants. */
interface Calendar {
  monthOf(dayIndex: number): string;
  /** Milliseconds since the epoch of `time` (HH:mm) on the day, Europe/London. */
  instantOf(dayIndex: number, time: string): number;
}

/** Everyone works the same few times of day, so each day's conversions are worked out once. */
function createCalendar(firstMonday: DateTime): Calendar {
  const instants = new Map<string, number>();
  const dates = Array.from({ length: DEMO_ROTA_WEEKS * 7 + 1 }, (_, dayIndex) =>
    firstMonday.plus({ days: dayIndex }),
  );
  const months = dates.map((date) => date.toFormat('yyyy-MM'));
  const dateOf = (dayIndex: number) => dates[dayIndex] ?? firstMonday.plus({ days: dayIndex });
  return {
    monthOf: (dayIndex) => months[dayIndex] ?? dateOf(dayIndex).toFormat('yyyy-MM'),
    instantOf: (dayIndex, time) => {
      const key = `${dayIndex} ${time}`;
      let instant = instants.get(key);
      if (instant === undefined) {
        instant = toLondonInstant(dateOf(dayIndex).toISODate() as string, time);
        instants.set(key, instant);
      }
      return instant;
    },
  };
}

/** Groups shifts by the Europe/London month in which each starts. */
function groupByMonth(personId: string, shifts: readonly DatedShift[]): RotaMonth[] {
  const months = new Map<string, Shift[]>();
  for (const { month, shift } of shifts) {
    const list = months.get(month) ?? [];
    list.push(shift);
    months.set(month, list);
  }
  return [...months].map(([month, monthShifts]) => ({ personId, month, shifts: monthShifts }));
}
