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
  purpose: string;
  objectives: string[];
  /** Proposed visit, UTC instants, half-open. */
  start?: string;
  end?: string;
  length?: VisitLength;
  setting?: Setting;
  coverNotes?: string;
  costs?: string;
  history: Transition[];
  createdAt: string;
  updatedAt: string;
}
