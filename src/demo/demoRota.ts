import { DateTime } from 'luxon';
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
  return subjects.flatMap((subject) => {
    const days = planDays(subject);
    addAnnualLeave(days, createSeededRandom(`${subject.personId}:${firstMonday.toISODate()}`));
    return groupByMonth(subject.personId, toShifts(days, SHIFT_TEMPLATES[subject.pattern], firstMonday));
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

/** One block of two or three days' annual leave, replacing working days, somewhere in weeks 2-7. */
function addAnnualLeave(days: string[][], random: SeededRandom): void {
  const firstDay = random.integer(1, DEMO_ROTA_WEEKS - 2) * 7 + random.integer(0, 2);
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

/**
 * Turns day codes into UTC shifts. A whole-day entry (rest, leave) that follows a night starts when
 * the night ends, so no two entries overlap; any other overlap is a mistake in the tables.
 */
function toShifts(days: string[][], templates: Record<string, ShiftTemplate>, firstMonday: DateTime): Shift[] {
  const shifts: Shift[] = [];
  let previousEnd = 0;
  days.forEach((codes, dayIndex) => {
    const date = firstMonday.plus({ days: dayIndex });
    for (const code of codes) {
      const template = templates[code];
      if (!template) throw new Error(`Demo rota code ${code} has no template`);
      let start = atWallClock(date, template.start).toMillis();
      const end = atWallClock(template.end <= template.start ? date.plus({ days: 1 }) : date, template.end).toMillis();
      if (start < previousEnd) {
        if (template.start !== '00:00') throw new Error(`Demo rota code ${code} overlaps the entry before it`);
        start = previousEnd;
      }
      if (start >= end) continue;
      shifts.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString(), kind: template.kind, code });
      previousEnd = end;
    }
  });
  return shifts;
}

function atWallClock(date: DateTime, time: string): DateTime {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute }, { zone: DEMO_ZONE });
}

/** Groups shifts by the Europe/London month in which each starts. */
function groupByMonth(personId: string, shifts: readonly Shift[]): RotaMonth[] {
  const months = new Map<string, Shift[]>();
  for (const shift of shifts) {
    const month = DateTime.fromISO(shift.start, { zone: DEMO_ZONE }).toFormat('yyyy-MM');
    months.set(month, [...(months.get(month) ?? []), shift]);
  }
  return [...months].map(([month, monthShifts]) => ({ personId, month, shifts: monthShifts }));
}
