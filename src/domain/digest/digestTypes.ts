import type { DeclineCategory } from '../cover/declineCategories';
import type { ObjectiveRating, RequestWithOutcomes } from '../outcomes/outcomeTypes';
import type { ExchangeRecord } from '../outcomes/exchangeRecord';
import type { Profession } from '../people';
import type { BankHolidays } from '../time/bankHolidays';

/** What the digest needs to know about a person named in it. Nothing else is read. */
export interface PersonSummary {
  id: string;
  name: string;
  department: string;
  profession: Profession;
  managerId?: string;
}

/** Everything the builders read: plain data, loaded once for the week. */
export interface DigestWorld {
  /** Requests, with what was recorded after the visit where there is anything. */
  requests: readonly RequestWithOutcomes[];
  /** The exchange log's records for the months concerned. */
  exchanges: readonly ExchangeRecord[];
  people: ReadonlyMap<string, PersonSummary>;
  /** The region's bank holidays, skipped when counting working days waited. */
  holidays?: BankHolidays;
}

/** One visit or request as a line in a digest: never the visitor's own free text. */
export interface VisitLine {
  requestId: string;
  /** The other person: the visitor for a manager or host, the host for a visitor. */
  personName: string;
  /** The host's offer title, or a neutral phrase when there is none. */
  title: string;
  /** "Tue 3 Mar, 09:00-13:00", or "Time not chosen yet". */
  when: string;
  /** Working days it has waited for this person, where that matters. */
  waitingDays?: number;
}

/** Counts and figures for one stretch of time, for the whole organisation or one department. */
export interface PeriodFigures {
  requests: number;
  confirmations: number;
  completions: number;
  noShows: number;
  hours: number;
  /** Median calendar days from sending a request to its confirmation; undefined with none. */
  medianDaysToArrange?: number;
  /** Completed exchanges whose visitor and host are in different professions, 0 to 1. */
  crossProfessionShare?: number;
  objectives: Record<ObjectiveRating, number>;
  /**
   * Reciprocal pairs completed: two completed exchanges between the same two departments in
   * opposite directions, counted when the second visit falls in the period.
   */
  reciprocalPairs: number;
}

export interface ChartBar {
  /** "w/c 5 Jan" */
  label: string;
  value: number;
}

export interface BarChart {
  title: string;
  /** What one bar counts, singular and plural: "visit completed", "visits completed". */
  unit: { one: string; many: string };
  bars: ChartBar[];
}

/** Requests that have waited more than five working days, by the stage they are stuck at. */
export interface Bottleneck {
  stage: 'awaiting_manager' | 'awaiting_host' | 'host_proposed_time';
  count: number;
  longestWorkingDays: number;
}

export interface TopHost {
  hostId: string;
  name: string;
  department: string;
  visits: number;
}

/** Release from the rota and cover, for visits in work time held or booked in a period. */
export interface ReleaseFigures {
  visits: number;
  releaseHours: number;
  coverHours: number;
  /** Sum of the recorded estimates, in pounds: estimates, never what was paid. */
  coverCostGbp: number;
  /** Visits that needed cover but have no estimate (no rate was known), so are not in the cost. */
  unestimated: number;
}

/** The same for one department or staff group (the visitor's). */
export interface ReleaseGroup extends ReleaseFigures {
  name: string;
}

export interface ReleaseReport {
  total: ReleaseFigures;
  /** Only departments and staff groups with a visit in work time, most hours released first. */
  byDepartment: ReleaseGroup[];
  byProfession: ReleaseGroup[];
}

/** Requests managers declined for one reason category; `not_recorded` for declines from before categories. */
export interface DeclineCount {
  category: DeclineCategory | 'not_recorded';
  count: number;
}

/** The organisation's figures for a period, with what came before for comparison. */
export interface OrganisationSummary {
  /** "Mon 5 Jan to Sun 11 Jan" */
  periodLabel: string;
  figures: PeriodFigures;
  previous: PeriodFigures;
  /** Release, cover hours and estimated cover cost in the period (no comparison: estimates). */
  release: ReleaseReport;
  /** Managers' declines in the period, by reason category. */
  declines: DeclineCount[];
  chart: BarChart;
  bottlenecks: Bottleneck[];
  topHosts: TopHost[];
}

/** The first few lines of a list, and how many there are in all. */
export interface VisitList {
  lines: VisitLine[];
  total: number;
}

export type DigestSection =
  | { role: 'manager'; approvalsWaiting: VisitList; teamVisits: VisitList }
  | { role: 'host'; visitorsThisWeek: VisitList; requestsWaiting: VisitList }
  | { role: 'visitor'; upcomingVisits: VisitList; feedbackDue: VisitList }
  | { role: 'programme_lead'; organisation: OrganisationSummary };

/** One person's digest for one week; stored with the queued message, so delivery reads nothing. */
export interface DigestContent {
  /** "2026-W02" */
  week: string;
  personId: string;
  personName: string;
  /** "Mon 5 Jan" */
  weekStarting: string;
  sections: DigestSection[];
}

/** A programme lead's report for a date range and, optionally, one department. */
export interface ReportContent {
  /** London dates, both ends included. */
  from: string;
  to: string;
  department?: string;
  organisation: OrganisationSummary;
}
