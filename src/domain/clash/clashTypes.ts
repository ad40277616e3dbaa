import type { OfferStatus, OfferedSession } from '../offers';
import type { Shift } from '../rota';
import type { InstantInput } from '../time/instants';
import type { Interval } from '../time/intervals';
import type { WorkingTimeRules } from './workingTime/workingTimeRules';

/** Rules that block a visit because of the visitor's rota: time away, and working time. */
export const VISITOR_RULES = [
  'visitor_already_booked',
  'away',
  'max_working_period',
  'rest_between_shifts',
  'rest_after_nights',
  'max_weekly_hours',
  'weekly_rest',
  'max_consecutive_days',
] as const;
/**
 * Rota entries a visit may take the visitor away from: allowed, the manager decides. Shifts and
 * on call need cover; training and study time do not.
 */
export const RELEASE_RULES = ['on_duty', 'on_call', 'training', 'study_leave'] as const;
export const COVER_RULES: ReadonlySet<ReleaseRuleId> = new Set<ReleaseRuleId>(['on_duty', 'on_call']);
/** Things to know that neither block nor need a release. */
export const WARNING_RULES = ['leave'] as const;
export const HOST_RULES = [
  'host_on_leave',
  'host_on_duty_elsewhere',
  'host_not_working',
  'host_not_offered',
  'host_capacity_full',
  'host_slot_held',
] as const;

export type ReleaseRuleId = (typeof RELEASE_RULES)[number];
/** Stable rule ids: other code, stored records and the CLI's JSON rely on them. */
export type RuleId =
  (typeof VISITOR_RULES)[number] | (typeof HOST_RULES)[number] | (typeof WARNING_RULES)[number];
export type ClashParty = 'visitor' | 'host';

export interface Clash {
  rule: RuleId;
  who: ClashParty;
  /** The conflicting rest window, working day or booking: ISO-8601 with the Europe/London offset. */
  start: string;
  end: string;
  /** Plain words for the person affected; never shift codes or duty details. */
  explanation: string;
}

/**
 * Part of the visitor's rostered time the visit takes them away from. The keys are the CLI's
 * documented JSON, so they are written as it prints them.
 */
export interface ReleaseEntry {
  rule: ReleaseRuleId;
  who: 'visitor';
  /** The overlap of the visit and the shift, ISO-8601 with the Europe/London offset. */
  start: string;
  end: string;
  shift_start: string;
  shift_end: string;
  /** Elapsed hours of the overlap (real time across clock changes), to 2 decimals. */
  cover_hours: number;
  explanation: string;
}

export type TimeBasis = 'work_time' | 'own_time';

export interface ClashReport {
  /** True when there are no clashes; release and warnings do not block. */
  ok: boolean;
  clashes: Clash[];
  /** Rostered time the manager would release the visitor from; empty for a visit in own time. */
  release: ReleaseEntry[];
  warnings: Clash[];
}

/** What a rule found, before it is put into words (wording is only done when it is shown). */
export interface Finding {
  rule: RuleId;
  who: ClashParty;
  window: Interval;
  explain: () => string;
}

/** A request that already holds a place with the host (pending or confirmed). */
export interface HeldBooking {
  requestId: string;
  start: InstantInput;
  end: InstantInput;
}

/** The parts of a host offer the clash rules read; a whole HostOffer fits. */
export interface OfferTerms {
  sessions: readonly OfferedSession[];
  capacityPerWeek: number;
  capacityPerMonth: number;
  /** Visitors per session occurrence; 1 when absent. */
  visitorsPerSession?: number;
  status: OfferStatus;
}

/** Everything about the two people and the offer, without the visit time. */
export interface ClashContextInput {
  visitorShifts: readonly Shift[];
  /** The visitor's working-time rules (see chooseWorkingTimeRules); Agenda for Change when absent. */
  visitorRules?: WorkingTimeRules;
  /** The host's rota, if known; without it the host's rota rules are not checked. */
  hostShifts?: readonly Shift[];
  /** The host's offer; without it the offer, capacity and held-slot rules are not checked. */
  offer?: OfferTerms;
  /** Other requests holding places with the host. */
  heldBookings?: readonly HeldBooking[];
  /** The visitor's other pending or confirmed visits, with any host: a person cannot be in two at once. */
  visitorBookings?: readonly HeldBooking[];
  /** The request being checked, so that its own hold is not counted against it. */
  requestId?: string;
}

export interface CheckVisitInput extends ClashContextInput {
  /** The proposed visit, [start, end). */
  start: InstantInput;
  end: InstantInput;
}
