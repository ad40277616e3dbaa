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

export interface Transition {
  from: RequestState;
  to: RequestState;
  /** Person id of whoever made the change (the Teams user who clicked), or 'system'. */
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
  coverNotes?: string;
  costs?: string;
  history: Transition[];
  createdAt: string;
  updatedAt: string;
}
