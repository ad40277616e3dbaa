import type { ShadowingRequest } from '../requests';
import type { BankHolidays } from '../time/bankHolidays';
import { workingDaysBetween } from '../workflow/workingDays';
import { ESCALATE_AFTER_WORKING_DAYS, REMINDER_AFTER_WORKING_DAYS } from '../workflow/dueReminders';

/** Whom cover waits on: whoever arranges it, or (after it failed) the manager's choice. */
export type CoverWaitingOn = 'arranger' | 'manager';

export interface DueCoverAction {
  kind: 'cover_remind' | 'cover_escalate';
  requestId: string;
  waitingOn: CoverWaitingOn;
  /** When cover last changed: reminders belong to that moment, so each is sent once. */
  since: string;
}

const COVER_OPEN = ['awaiting_host', 'host_proposed_time', 'confirmed'];

/** What cover is waiting for, if anything: the arranger while pending, the manager after a failure. */
export function coverWaitingOn(request: ShadowingRequest): CoverWaitingOn | undefined {
  if (!COVER_OPEN.includes(request.state)) return undefined;
  if (request.cover === 'pending') return 'arranger';
  if (request.cover === 'failed' && !request.releasedWithoutCover) return 'manager';
  return undefined;
}

/**
 * Reminders and escalation for cover, as for other decisions: a reminder after 2 working days
 * waiting, the programme leads after 5; nothing once the visit has started.
 */
export function dueCoverActions(
  request: ShadowingRequest,
  now: Date,
  holidays?: BankHolidays,
): DueCoverAction[] {
  const waitingOn = coverWaitingOn(request);
  if (!waitingOn || (request.start && new Date(request.start) <= now)) return [];
  const since = request.coverHistory?.at(-1)?.at ?? request.updatedAt;
  const waited = workingDaysBetween(new Date(since), now, holidays);
  const actions: DueCoverAction[] = [];
  if (waited >= REMINDER_AFTER_WORKING_DAYS)
    actions.push({ kind: 'cover_remind', requestId: request.id, waitingOn, since });
  if (waited >= ESCALATE_AFTER_WORKING_DAYS)
    actions.push({ kind: 'cover_escalate', requestId: request.id, waitingOn, since });
  return actions;
}
