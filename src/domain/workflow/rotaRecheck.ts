import {
  summariseRelease,
  VISITOR_RULES,
  type Clash,
  type ClashReport,
  type ReleaseSummary,
  type RuleId,
} from '../clash';
import { releaseChanged } from '../cover/coverTransitions';
import type { RequestState, ShadowingRequest } from '../requests';

/**
 * Rules a rota change can break: the visitor's time away and working time, and the host being at
 * work. Places, capacity and the visitor's other visits do not move with a rota, so they are left
 * to the decisions that check them.
 */
export const ROTA_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  ...VISITOR_RULES.filter((rule) => rule !== 'visitor_already_booked'),
  'host_on_leave',
  'host_on_duty_elsewhere',
  'host_not_working',
]);

/**
 * Requests re-checked when a rota changes: waiting for the manager or the host, or confirmed. A
 * request waiting for the visitor to answer a new time is checked when they answer it.
 */
export const RECHECKED_STATES: readonly RequestState[] = ['awaiting_manager', 'awaiting_host', 'confirmed'];

export type RotaRecheck =
  | { outcome: 'unchanged' }
  /** The visit no longer fits someone's rota; `key` names the findings, so each set is told once. */
  | { outcome: 'clash'; clashes: Clash[]; key: string }
  /** A clash told before has gone and the release is as it was: the visit fits the rotas again. */
  | { outcome: 'clash_cleared' }
  /** Work time or own time, or the hours released, differ from what the manager was shown. */
  | { outcome: 'release_changed'; before: ReleaseSummary; after: ReleaseSummary };

/**
 * What a rota change means for one request, from the clash check of its visit against the rotas
 * as they are now. A clash comes first: a release cannot be approved for a visit that cannot take
 * place. Requests from before release was recorded keep the release their manager approved.
 */
export function decideRotaRecheck(request: ShadowingRequest, report: ClashReport, now: Date): RotaRecheck {
  if (!isRechecked(request, now)) return { outcome: 'unchanged' };
  const clashes = rotaClashes(report);
  if (clashes.length > 0) {
    const key = clashKey(clashes);
    return key === request.rotaClash ? { outcome: 'unchanged' } : { outcome: 'clash', clashes, key };
  }
  const after = summariseRelease(report.release);
  if (request.timeBasis !== undefined && releaseChanged(request, after))
    return { outcome: 'release_changed', before: releaseOf(request), after };
  return request.rotaClash === undefined ? { outcome: 'unchanged' } : { outcome: 'clash_cleared' };
}

/** The findings of a clash check that a rota change can cause (ROTA_RULES). */
export function rotaClashes(report: ClashReport): Clash[] {
  return report.clashes.filter((clash) => ROTA_RULES.has(clash.rule));
}

/** Open in a state that is re-checked, with a time still to come. */
export function isRechecked(request: ShadowingRequest, now: Date): boolean {
  return (
    RECHECKED_STATES.includes(request.state) &&
    request.start !== undefined &&
    request.end !== undefined &&
    Date.parse(request.start) > now.getTime()
  );
}

/** The findings, in a stable order: the same rota gives the same key however often it is read. */
export function clashKey(clashes: readonly Clash[]): string {
  return clashes
    .map((clash) => `${clash.rule}:${clash.who}:${Date.parse(clash.start)}:${Date.parse(clash.end)}`)
    .sort()
    .join(' ');
}

/** The release as the request records it (own time with no cover when it predates the record). */
export function releaseOf(request: ShadowingRequest): ReleaseSummary {
  return {
    timeBasis: request.timeBasis ?? 'own_time',
    releaseHours: request.releaseHours ?? 0,
    coverHours: request.coverHours ?? 0,
  };
}
