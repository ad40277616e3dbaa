import type { Profession } from '../../people';

/**
 * The limits one staff group works under. Hours are real elapsed hours, so a working day across a
 * clock change is measured as it is lived. `null` switches a rule off.
 */
export interface WorkingTimeRules {
  /** A working day lasts at most this long from its first start to its last end (13). */
  maxWorkingPeriodHours: number | null;
  /** Rest between working days (11). */
  restBetweenShiftsHours: number | null;
  /** Most hours of work in any rolling window of `weeklyWindowHours` (72 in any 168). */
  maxWeeklyHours: number | null;
  weeklyWindowHours: number;
  /** Rest after a working day with a night in it, when the next working day has none (46). */
  restAfterNightsHours: number | null;
  /** Most consecutive dates on which a working day starts (7). */
  maxConsecutiveDays: number | null;
  /** Uninterrupted rest in any 7 days (24): Agenda for Change and the Working Time Regulations. */
  weeklyRestHours: number | null;
  /** Periods of work with a break of at most this long between them form one working day (2). */
  workingDayBreakHours: number;
  /** A working day contains a night when it has at least this much work between 23:00 and 06:00 (3). */
  nightMinimumHours: number;
}

/** A rule set's name in the rule-set file, e.g. agenda_for_change. */
export type RuleSetName = string;

/** Which rules apply to whom: one rule set per staff group, and doctors in training by job title. */
export interface WorkingTimeSettings {
  /** Where the figures come from, shown to anyone who asks why a visit was refused. */
  source: string;
  ruleSets: Readonly<Record<RuleSetName, WorkingTimeRules>>;
  staffGroups: Readonly<Record<Profession, RuleSetName>>;
  doctorsInTraining: {
    ruleSet: RuleSetName;
    /** Staff groups whose job titles are read; a "Trainee Pharmacist" is not a doctor in training. */
    staffGroups: readonly Profession[];
    /** Whole words or phrases of a job title; "ST1-8" stands for ST1 to ST8. */
    jobTitleWords: readonly string[];
  };
}

const EVERYONE = {
  maxWorkingPeriodHours: 13,
  restBetweenShiftsHours: 11,
  maxWeeklyHours: 72,
  weeklyWindowHours: 168,
  workingDayBreakHours: 2,
  nightMinimumHours: 3,
} as const;

/** Agenda for Change staff, and others under the Working Time Regulations. */
export const AGENDA_FOR_CHANGE_RULES: WorkingTimeRules = {
  ...EVERYONE,
  restAfterNightsHours: null,
  maxConsecutiveDays: null,
  weeklyRestHours: 24,
};

/** Doctors in training: the 2016 terms and conditions of service, as amended in 2019. */
export const DOCTORS_IN_TRAINING_RULES: WorkingTimeRules = {
  ...EVERYONE,
  restAfterNightsHours: 46,
  maxConsecutiveDays: 7,
  weeklyRestHours: null,
};

export const DEFAULT_DOCTOR_IN_TRAINING_WORDS: readonly string[] = [
  'FY1',
  'FY2',
  'F1',
  'F2',
  'foundation',
  'CT1-3',
  'ST1-8',
  'StR',
  'SpR',
  'IMT',
  'IMT1-3',
  'GPST',
  'GPST1-3',
  'registrar',
  'trainee',
  'resident doctor',
];

/** The shipped defaults; config/working-time-rules.yaml holds the same figures for a trust to edit. */
export const DEFAULT_WORKING_TIME_SETTINGS: WorkingTimeSettings = {
  source:
    'Working Time Regulations 1998; NHS Terms and Conditions of Service (Agenda for Change) handbook; ' +
    'Terms and Conditions of Service for NHS Doctors and Dentists in Training (England) 2016, as amended 2019.',
  ruleSets: {
    doctors_in_training: DOCTORS_IN_TRAINING_RULES,
    agenda_for_change: AGENDA_FOR_CHANGE_RULES,
    working_time_regulations: AGENDA_FOR_CHANGE_RULES,
  },
  staffGroups: {
    medical: 'working_time_regulations',
    nursing: 'agenda_for_change',
    midwifery: 'agenda_for_change',
    ahp: 'agenda_for_change',
    healthcare_science: 'agenda_for_change',
    pharmacy: 'agenda_for_change',
    management: 'agenda_for_change',
    admin: 'agenda_for_change',
    research: 'agenda_for_change',
    executive: 'working_time_regulations',
  },
  doctorsInTraining: {
    ruleSet: 'doctors_in_training',
    staffGroups: ['medical'],
    jobTitleWords: DEFAULT_DOCTOR_IN_TRAINING_WORDS,
  },
};
