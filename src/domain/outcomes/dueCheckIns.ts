import type { RequestWithOutcomes } from './outcomeTypes';

const DAY_MS = 86_400_000;

/** After this many days the exchange is logged with whatever feedback has come in. */
export const LOG_AFTER_DAYS = 14;
/** The one-question follow-up is asked this many days after the visit. */
export const FOLLOW_UP_AFTER_DAYS = 90;
/** How far back the scheduler looks for each kind of work, so an old request is not scanned for ever. */
export const CHECK_IN_WINDOW_DAYS = 30;
export const LATE_WORK_WINDOW_DAYS = 30;

export type OutcomeDueAction =
  | { kind: 'check_in'; requestId: string }
  | { kind: 'log_exchange'; requestId: string }
  | { kind: 'follow_up'; requestId: string };

/**
 * What one request is owed after its visit: a check-in once a confirmed visit has ended, the
 * exchange logged with what is there once feedback has had its time, and the three-month
 * question. Each comes with a window, so a run after downtime finds the same work, and the
 * outbox and the log's ids keep each to once.
 */
export function dueOutcomeActions(request: RequestWithOutcomes, now: Date): OutcomeDueAction[] {
  if (!request.end) return [];
  const ended = now.getTime() - Date.parse(request.end);
  if (request.state === 'confirmed' && ended >= 0 && ended < CHECK_IN_WINDOW_DAYS * DAY_MS)
    return [{ kind: 'check_in', requestId: request.id }];
  if (request.state !== 'completed') return [];
  const actions: OutcomeDueAction[] = [];
  if (inWindow(ended, LOG_AFTER_DAYS)) actions.push({ kind: 'log_exchange', requestId: request.id });
  if (inWindow(ended, FOLLOW_UP_AFTER_DAYS) && !request.outcomes?.followUp)
    actions.push({ kind: 'follow_up', requestId: request.id });
  return actions;
}

/** Whether the follow-up question may be answered now. */
export function followUpOpen(request: RequestWithOutcomes, now: Date): boolean {
  return (
    Boolean(request.end) && now.getTime() - Date.parse(request.end ?? '') >= FOLLOW_UP_AFTER_DAYS * DAY_MS
  );
}

/** The range of visit ends the scheduler reads for each kind of work (ISO instants, half-open). */
export function outcomeScanWindows(now: Date): { checkIn: Window; late: Window } {
  const at = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  return {
    checkIn: { from: at(CHECK_IN_WINDOW_DAYS), to: now.toISOString() },
    late: { from: at(FOLLOW_UP_AFTER_DAYS + LATE_WORK_WINDOW_DAYS), to: at(LOG_AFTER_DAYS) },
  };
}

export interface Window {
  from: string;
  to: string;
}

function inWindow(endedMs: number, afterDays: number): boolean {
  return endedMs >= afterDays * DAY_MS && endedMs < (afterDays + LATE_WORK_WINDOW_DAYS) * DAY_MS;
}
