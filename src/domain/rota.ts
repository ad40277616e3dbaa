export const SHIFT_KINDS = [
  'duty',
  'night',
  'long_day',
  'on_call',
  'annual_leave',
  'study_leave',
  'rest',
  'training',
  /** Away from work for a reason the bot does not record (sickness, for example): blocks visits. */
  'absence',
] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

/**
 * One rota entry: busy or free, never duty details. Instants are UTC ISO-8601 strings and the
 * interval is half-open, [start, end).
 */
export interface Shift {
  start: string;
  end: string;
  kind: ShiftKind;
  /** The trust's own code, kept so a coordinator can recognise the entry. */
  code: string;
  /**
   * Where the entry came from, so that a source that speaks for a person's rota removes only its
   * own entries. Absent on entries filed before sources were recorded.
   */
  source?: ShiftSource;
  /** The Microsoft Shifts team it was read from, when `source` is 'shifts'. */
  shiftsTeam?: string;
}

/** A rota file import (CSV or iCalendar), Microsoft Shifts, or the demo organisation. */
export type ShiftSource = 'file' | 'shifts' | 'demo';

/**
 * A person's rota for one calendar month (Europe/London month of each shift's start), so that a
 * date-range read is one or two point reads.
 */
export interface RotaMonth {
  personId: string;
  /** YYYY-MM */
  month: string;
  shifts: Shift[];
}
