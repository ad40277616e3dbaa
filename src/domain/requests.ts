import type { TimeBasis } from './clash/clashTypes';
import type { ReleaseSummary } from './clash/summariseRelease';
import type { CoverMethod, CoverStatus } from './cover/coverMethods';
import type { DeclineCategory } from './cover/declineCategories';
import type { Setting } from './offers';

export const REQUEST_STATES = [
  'draft',
  'awaiting_manager',
  'awaiting_host',
  'host_proposed_time',
  'confirmed',
  'completed',
  'no_show',
  'declined_by_manager',
  'declined_by_host',
  'cancelled',
  'expired',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export type VisitLength = 'am' | 'pm' | 'full_day' | 'custom';

/** See ShadowingRequest.heldRotaRecheck. */
export type HeldRotaRecheck =
  | { at: string; outcome: 'clash' | 'clash_cleared' }
  | { at: string; outcome: 'release_changed'; before: ReleaseSummary; arrangerId?: string };

export interface Transition {
  from: RequestState;
  to: RequestState;
  /** Person id of whoever made the change (the Teams user who clicked), or 'system'. */
  by: string;
  at: string;
  reason?: string;
  /**
   * A rota change sending the visit back to the manager: the release it replaced, and who was
   * arranging cover then, so what everyone was told can be told again if it was never queued.
   */
  rotaRecheck?: { before: ReleaseSummary; arrangerId?: string };
}

export interface CoverChange {
  from?: CoverStatus;
  to: CoverStatus;
  by: string;
  at: string;
  reason?: string;
}

export interface ShadowingRequest {
  id: string;
  visitorId: string;
  managerId?: string;
  hostId?: string;
  offerId?: string;
  state: RequestState;
  /** What or whom the visitor asked to shadow, in their words. */
  what?: string;
  /** The offer's title when the request was made, so lists read well without another lookup. */
  offerTitle?: string;
  purpose: string;
  objectives: string[];
  /** Proposed visit, UTC instants, half-open. */
  start?: string;
  end?: string;
  length?: VisitLength;
  setting?: Setting;
  /** A different time the host proposed, waiting for the visitor's answer. */
  proposed?: { start: string; end: string };
  /** The manager's note about cover, given with the approval. */
  coverNotes?: string;
  costs?: string;
  /**
   * Work time or own time, and the hours released and to cover, as last worked out from the
   * visitor's rota (at submission, at each approval and time change). Absent on requests stored
   * before these were kept: read them with readCover, as own time with no cover.
   */
  timeBasis?: TimeBasis;
  releaseHours?: number;
  coverHours?: number;
  /** Where cover stands; set when the manager approves (readCover gives the default). */
  cover?: CoverStatus;
  /** How the manager chose to arrange cover. */
  coverMethod?: CoverMethod;
  /** Estimated backfill cost in pounds for the chosen method (the bank estimate until one is chosen). */
  coverCostEstimateGbp?: number;
  /** Who arranges the cover: the department's rota coordinator, or the manager. */
  coverArrangerId?: string;
  /** Why cover could not be arranged, in the arranger's words. */
  coverFailedReason?: string;
  /** Set when, cover having failed, the manager released the visitor without it. */
  releasedWithoutCover?: boolean;
  /** Every change of cover: who, when, why. */
  coverHistory?: CoverChange[];
  /**
   * What the last re-check after a rota change found blocking the visit (see clashKey), once
   * everyone has been told; absent when the visit fits the rotas.
   */
  rotaClash?: string;
  /**
   * A re-check after a rota change that wrote the request without moving it (a clash told, a clash
   * gone, or a changed release while it waits for the manager), stamped with that write's
   * `updatedAt`: while it is the latest write, what its messages need can be read back from it.
   */
  heldRotaRecheck?: HeldRotaRecheck;
  /** The manager's reason category, when they declined. */
  declineCategory?: DeclineCategory;
  history: Transition[];
  createdAt: string;
  updatedAt: string;
}
