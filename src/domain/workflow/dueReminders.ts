import { DateTime } from 'luxon';
import type { RequestState, ShadowingRequest } from '../requests';
import { LONDON } from '../time/formatVisit';
import { workingDaysBetween } from './workingDays';
import type { BankHolidays } from '../time/bankHolidays';

export const REMINDER_AFTER_WORKING_DAYS = 2;
export const ESCALATE_AFTER_WORKING_DAYS = 5;

const AWAITING: readonly RequestState[] = ['awaiting_manager', 'awaiting_host', 'host_proposed_time'];

export type DueAction =
  | { kind: 'remind'; requestId: string; waitingOn: RequestState; since: string }
  | { kind: 'escalate'; requestId: string; waitingOn: RequestState; since: string }
  | { kind: 'expire'; requestId: string }
  | { kind: 'day_before'; requestId: string };

/**
 * What the scheduler owes one request now. Each action carries the moment it belongs to (the
 * state's start), so a run after downtime finds the same actions and the outbox's keys keep each
 * one to a single delivery.
 */
export function dueActions(request: ShadowingRequest, now: Date, holidays?: BankHolidays): DueAction[] {
  const since = lastEntered(request);
  if (AWAITING.includes(request.state)) {
    if (request.start && new Date(request.start) <= now) return [{ kind: 'expire', requestId: request.id }];
    const waited = workingDaysBetween(new Date(since), now, holidays);
    const actions: DueAction[] = [];
    if (waited >= REMINDER_AFTER_WORKING_DAYS)
      actions.push({ kind: 'remind', requestId: request.id, waitingOn: request.state, since });
    if (waited >= ESCALATE_AFTER_WORKING_DAYS)
      actions.push({ kind: 'escalate', requestId: request.id, waitingOn: request.state, since });
    return actions;
  }
  if (request.state === 'confirmed' && request.start && isDayBefore(request.start, now))
    return [{ kind: 'day_before', requestId: request.id }];
  return [];
}

function lastEntered(request: ShadowingRequest): string {
  return request.history[request.history.length - 1]?.at ?? request.updatedAt;
}

/** From 08:00 London on the day before the visit until the visit starts. */
function isDayBefore(startIso: string, now: Date): boolean {
  const start = DateTime.fromISO(startIso, { zone: LONDON });
  const from = start.minus({ days: 1 }).startOf('day').plus({ hours: 8 });
  const current = DateTime.fromJSDate(now, { zone: LONDON });
  return current >= from && current < start;
}
