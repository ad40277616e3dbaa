import type { ShiftKind } from '../domain/rota';
import type { RotaPattern } from './demoStaff';

/**
 * A rota code and its Europe/London wall-clock times. An `end` at or before `start` is on the next
 * day, so a night 20:00-08:00 ends the next morning and a whole day is 00:00-00:00.
 */
export interface ShiftTemplate {
  code: string;
  kind: ShiftKind;
  start: string;
  end: string;
}

const ANNUAL_LEAVE: ShiftTemplate = { code: 'AL', kind: 'annual_leave', start: '00:00', end: '00:00' };
const REST: ShiftTemplate = { code: 'R', kind: 'rest', start: '00:00', end: '00:00' };

/** Codes that mean "not working": leave never replaces them. */
export const NON_WORKING_CODES: ReadonlySet<string> = new Set(['R', 'AL', '.']);
export const ANNUAL_LEAVE_CODE = ANNUAL_LEAVE.code;

function templates(...list: ShiftTemplate[]): Record<string, ShiftTemplate> {
  return Object.fromEntries([ANNUAL_LEAVE, REST, ...list].map((t) => [t.code, t]));
}

/** The codes each kind of rota uses. Codes differ by staff group, as they do between trusts. */
export const SHIFT_TEMPLATES: Record<RotaPattern, Record<string, ShiftTemplate>> = {
  office: templates({ code: 'D', kind: 'duty', start: '09:00', end: '17:00' }),
  weekday_clinical: templates(
    { code: 'D', kind: 'duty', start: '08:30', end: '17:00' },
    { code: 'W', kind: 'duty', start: '08:30', end: '17:00' },
  ),
  consultant: templates(
    { code: 'D', kind: 'duty', start: '08:00', end: '18:00' },
    { code: 'OC', kind: 'on_call', start: '18:00', end: '08:00' },
    { code: 'OCW', kind: 'on_call', start: '08:00', end: '20:00' },
  ),
  junior_doctor: templates(
    { code: 'D', kind: 'duty', start: '08:00', end: '17:00' },
    { code: 'LD', kind: 'long_day', start: '08:00', end: '20:30' },
    { code: 'N', kind: 'night', start: '20:00', end: '08:00' },
    { code: 'SL', kind: 'study_leave', start: '09:00', end: '17:00' },
  ),
  nurse_shifts: templates(
    { code: 'E', kind: 'duty', start: '07:00', end: '15:00' },
    { code: 'L', kind: 'duty', start: '13:00', end: '21:00' },
    { code: 'LD', kind: 'long_day', start: '07:00', end: '19:30' },
    { code: 'N', kind: 'night', start: '19:00', end: '07:30' },
  ),
};

/**
 * Repeating rotas, one string per week from Monday to Sunday. Days are separated by spaces, `.` is
 * a day with no entry and `+` joins two entries on one day (a consultant's day then evening on call).
 */
export const WEEK_CYCLES: Record<RotaPattern, readonly string[]> = {
  office: ['D D D D D . .'],
  weekday_clinical: ['D D D D D . .', 'D D D D D . .', 'D D D D D . .', 'D D R D D W .'],
  consultant: ['D D+OC D D D . .', 'D D D D+OC D . .', 'D D+OC D D D . .', 'D D D D D OCW OCW'],
  // Doctors in training work at most 7 days in a row (here at most 5) and rest 46 hours after nights.
  junior_doctor: ['D D D D D R R', 'LD LD R SL D R R', 'R R R N N N N', 'R R D D LD LD R'],
  nurse_shifts: ['E E L L R R LD', 'LD R R E E L L', 'R N N N R R E', 'L L R LD LD R R'],
};

/**
 * How far (in days) each further person on the same pattern is moved along the cycle, so that not
 * everyone is on nights at once. Weekday-bound patterns move by whole weeks.
 */
export const CYCLE_STEP_DAYS: Record<RotaPattern, number> = {
  office: 0,
  weekday_clinical: 7,
  consultant: 7,
  junior_doctor: 7,
  nurse_shifts: 5,
};
