import { DateTime } from 'luxon';
import type { Person } from '../people';
import type { ShadowingRequest } from '../requests';
import { LONDON } from '../time/formatVisit';
import { coverRecordOf } from './coverRecord';

type Cell = string | number | undefined;

/** A request a manager declined, with the two people's directory entries as they are now. */
export interface DeclinedRequest {
  request: ShadowingRequest;
  visitor?: Person;
  host?: Person;
}

const londonDate = (iso: string | undefined) =>
  iso ? (DateTime.fromISO(iso, { zone: 'utc' }).setZone(LONDON).toISODate() ?? undefined) : undefined;

/** When the manager declined: the last move to declined_by_manager. */
export function declinedAt(request: ShadowingRequest): string | undefined {
  return [...request.history].reverse().find((t) => t.to === 'declined_by_manager')?.at;
}

/**
 * The exported columns of manager declines, in order: one row per declined request, for the
 * release and cover evaluation (docs/exchange-log.md). No person ids and none of the manager's
 * own words: the category is what is counted.
 */
export const DECLINE_COLUMNS: ReadonlyArray<readonly [string, (d: DeclinedRequest) => Cell]> = [
  ['request_id', (d) => d.request.id],
  ['declined_on', (d) => londonDate(declinedAt(d.request))],
  ['visit_date', (d) => londonDate(d.request.start)],
  ['visitor_profession', (d) => d.visitor?.profession],
  ['visitor_department', (d) => d.visitor?.department],
  ['host_profession', (d) => d.host?.profession],
  ['host_department', (d) => d.host?.department],
  ['setting', (d) => d.request.setting],
  ['time_basis', (d) => coverRecordOf(d.request).timeBasis],
  ['release_hours', (d) => coverRecordOf(d.request).releaseHours],
  ['cover_hours', (d) => coverRecordOf(d.request).coverHours],
  ['decline_category', (d) => d.request.declineCategory ?? 'not_recorded'],
];

/** One declined request as named values, in column order. */
export function declineRow(declined: DeclinedRequest): Record<string, Cell> {
  return Object.fromEntries(DECLINE_COLUMNS.map(([name, read]) => [name, read(declined)]));
}
