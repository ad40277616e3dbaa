import { estimateCover, type CoverMethod } from '../domain/cover/coverMethods';
import { rateFor } from '../domain/cover/coverRates';
import { applyCoverAction, chooseCover, type CoverAction } from '../domain/cover/coverTransitions';
import { DEFAULT_COVER_RATES } from '../domain/cover/defaultCoverRates';
import type { ReleaseSummary } from '../domain/clash';
import type { RequestWithOutcomes } from '../domain/outcomes/outcomeTypes';
import type { Person } from '../domain/people';

/**
 * How a past request was released from the rota. Absent: it was in the visitor's own time.
 * - `asked`: in work time, and the manager declined or never answered, so nothing was chosen;
 * - `study`: released from training or study time, which needs no cover;
 * - the others: released from a shift, cover arranged as named; `_failed` could not be arranged
 *   and the manager released them without it; `_unconfirmed` nobody said it was arranged.
 */
export type PastCover =
  'asked' | 'study' | 'within_team' | 'bank' | 'bank_unconfirmed' | 'coordinator' | 'coordinator_failed';

const METHOD: Readonly<Record<Exclude<PastCover, 'asked' | 'study'>, CoverMethod>> = {
  within_team: 'within_team',
  bank: 'bank_or_locum',
  bank_unconfirmed: 'bank_or_locum',
  coordinator: 'rota_coordinator',
  coordinator_failed: 'rota_coordinator',
};

const HOUR = 3_600_000;

export interface PastRelease {
  cover: PastCover;
  visitor: Person;
  /** The visitor's department's rota coordinator. */
  coordinatorId?: string;
  /** When the manager released them; cover is settled a few hours later. */
  releasedAt: number;
  /** Whether the manager approved (false for a decline or a request that expired waiting for them). */
  approved: boolean;
}

/**
 * The request with its release and cover as the manager's card and the coordinator's would have
 * left them: the whole visit released from a shift (or from study time), cover chosen and costed at
 * the shipped bank rates for the visitor's grade, then arranged, failed or left open.
 */
export function withPastCover(request: RequestWithOutcomes, past: PastRelease): RequestWithOutcomes {
  const hours = Math.round(((Date.parse(request.end!) - Date.parse(request.start!)) / HOUR) * 100) / 100;
  const release: ReleaseSummary = {
    timeBasis: 'work_time',
    releaseHours: hours,
    coverHours: past.cover === 'study' ? 0 : hours,
  };
  const asked = { ...request, ...release };
  if (past.cover === 'asked' || !past.approved) return asked;
  const method = past.cover === 'study' ? undefined : METHOD[past.cover];
  const rate = rateFor(DEFAULT_COVER_RATES, past.visitor.profession, past.visitor.grade);
  const arrangerId = method === 'rota_coordinator' ? past.coordinatorId : request.managerId;
  const chosen = chooseCover(asked, {
    release,
    ...(rate ? { estimate: estimateCover(release.coverHours, rate) } : {}),
    ...(method ? { method } : {}),
    ...(arrangerId ? { arrangerId } : {}),
    by: request.managerId!,
    at: new Date(past.releasedAt),
  });
  const settled = settle(chosen, past, arrangerId);
  return { ...settled, state: request.state, updatedAt: request.updatedAt };
}

function settle(request: RequestWithOutcomes, past: PastRelease, arrangerId?: string): RequestWithOutcomes {
  const steps: Array<[CoverAction, string | undefined, string?]> =
    past.cover === 'bank' || past.cover === 'coordinator'
      ? [['cover_arranged', arrangerId]]
      : past.cover === 'coordinator_failed'
        ? [
            ['cover_failed', arrangerId, 'Nobody on the bank could take that shift.'],
            ['release_without_cover', request.managerId],
          ]
        : [];
  let current: RequestWithOutcomes = { ...request, state: 'awaiting_host' };
  steps.forEach(([action, by, reason], i) => {
    const at = new Date(past.releasedAt + (i + 1) * 5 * HOUR);
    const result = applyCoverAction(current, action, { id: by ?? '', isProgrammeLead: false }, at, reason);
    if (!result.ok) throw new Error(`Demo cover for ${request.id}: ${result.refusal}`);
    current = result.request;
  });
  return current;
}
