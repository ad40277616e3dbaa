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

/** A recurring session the host offers, e.g. Tuesday mornings. */
export interface OfferedSession {
  weekday: Weekday;
  part: SessionPart;
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
  /** Staff groups who may visit; empty means anyone. */
  openTo: Profession[];
  prerequisites: string;
  meetingPoint: string;
  status: OfferStatus;
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
