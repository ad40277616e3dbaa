import type { Profession } from './people';

export const SETTINGS = [
  'outpatient_clinic',
  'theatre',
  'ward',
  'emergency_department',
  'critical_care',
  'community',
  'office',
  'research',
  'board_or_policy_meeting',
  'laboratory',
  'pharmacy',
] as const;
export type Setting = (typeof SETTINGS)[number];

/** Settings where an observer needs the host's explicit acceptance of extra induction. */
export const SENSITIVE_SETTINGS: ReadonlySet<Setting> = new Set<Setting>([
  'theatre',
  'ward',
  'emergency_department',
  'critical_care',
]);

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type SessionPart = 'am' | 'pm' | 'full_day';

/**
 * A session the host offers every week, e.g. Tuesday mornings: am 09:00-13:00, pm 13:00-17:00 or
 * a full day 09:00-17:00, unless it has its own times ("wed 07:45-12:00", part then the nearest).
 */
export interface WeeklySession {
  weekday: Weekday;
  part: SessionPart;
  /** Own Europe/London wall-clock times, HH:MM, both or neither. */
  start?: string;
  end?: string;
}

/** A session on one date only, e.g. the monthly board meeting held in public. */
export interface DatedSession {
  /** YYYY-MM-DD, Europe/London. */
  date: string;
  start: string;
  end: string;
}

export type OfferedSession = WeeklySession | DatedSession;

export function isDatedSession(session: OfferedSession): session is DatedSession {
  return 'date' in session;
}

export type OfferStatus = 'active' | 'paused';

export interface HostOffer {
  id: string;
  hostId: string;
  title: string;
  /** What a visitor will see and learn, in plain words. */
  description: string;
  profession: Profession;
  department: string;
  setting: Setting;
  sessions: OfferedSession[];
  capacityPerWeek: number;
  capacityPerMonth: number;
  /** Visitors the host takes in one session occurrence; 1 when absent. */
  visitorsPerSession?: number;
  /** Staff groups who may visit; empty means anyone. */
  openTo: Profession[];
  prerequisites: string;
  meetingPoint: string;
  status: OfferStatus;
  /**
   * An offer in a sensitive setting imported from a file waits, paused, until the host accepts the
   * induction terms on the card the bot sends; set when they do.
   */
  inductionAcceptedAt?: string;
  /** Paused only because the host has not yet accepted the induction terms. */
  awaitingInduction?: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Each setting in plain words. */
export const SETTING_LABELS: Record<Setting, string> = {
  outpatient_clinic: 'Outpatient clinic',
  theatre: 'Operating theatre',
  ward: 'Hospital ward',
  emergency_department: 'Emergency department (A&E)',
  critical_care: 'Critical care (ICU)',
  community: 'Community',
  office: 'Office or management',
  research: 'Research',
  board_or_policy_meeting: 'Board or policy meeting',
  laboratory: 'Laboratory',
  pharmacy: 'Pharmacy',
};
