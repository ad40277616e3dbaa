import type { OfferStatus, OfferedSession } from '../offers';
import type { Profession } from '../people';
import type { Shift } from '../rota';
import type { InstantInput } from '../time/instants';
import type { Interval } from '../time/intervals';

export const VISITOR_RULES = [
  'on_duty',
  'on_call',
  'rest_between_shifts',
  'rest_after_nights',
  'leave',
  'away',
  'max_weekly_hours',
] as const;
export const HOST_RULES = [
  'host_on_leave',
  'host_on_duty_elsewhere',
  'host_not_offered',
  'host_capacity_full',
  'host_slot_held',
] as const;
/** Stable rule ids: other code, stored records and the CLI's JSON rely on them. */
export type RuleId = (typeof VISITOR_RULES)[number] | (typeof HOST_RULES)[number];
export type ClashParty = 'visitor' | 'host';

export interface Clash {
  rule: RuleId;
  who: ClashParty;
  /** The conflicting shift, rest window or booking: ISO-8601 with the Europe/London offset. */
  start: string;
  end: string;
  /** Plain words for the person affected; never shift codes or duty details. */
  explanation: string;
}

export interface ClashReport {
  /** True when there are no clashes; warnings do not block. */
  ok: boolean;
  clashes: Clash[];
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
  status: OfferStatus;
}

/** Local rules a trust may set; national minimum rest periods are fixed. */
export interface LocalRules {
  /** Most hours of work (including the visit) in any 7 days; null switches the rule off. */
  maxHoursIn7Days: number | null;
  /** Per staff group limits that replace `maxHoursIn7Days` for that group. */
  maxHoursIn7DaysByGroup: Partial<Record<Profession, number | null>>;
}

export const DEFAULT_LOCAL_RULES: LocalRules = { maxHoursIn7Days: 72, maxHoursIn7DaysByGroup: {} };

/** Everything about the two people and the offer, without the visit time. */
export interface ClashContextInput {
  visitorShifts: readonly Shift[];
  /** The visitor's staff group, for per-group local rules. */
  visitorGroup?: Profession;
  /** The host's rota, if known; without it the host's rota rules are not checked. */
  hostShifts?: readonly Shift[];
  /** The host's offer; without it the offer, capacity and held-slot rules are not checked. */
  offer?: OfferTerms;
  /** Other requests holding places with the host. */
  heldBookings?: readonly HeldBooking[];
  /** The request being checked, so that its own hold is not counted against it. */
  requestId?: string;
  rules?: Partial<LocalRules>;
}

export interface CheckVisitInput extends ClashContextInput {
  /** The proposed visit, [start, end). */
  start: InstantInput;
  end: InstantInput;
}
