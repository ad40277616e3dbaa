import type { ReleaseSummary } from '../clash';
import type { ShadowingRequest } from '../requests';
import type { Actor } from '../workflow/transitions';
import { costForMethod, type CoverEstimate, type CoverMethod, type CoverStatus } from './coverMethods';

/** The cover a method starts with: within the team is arranged at once; bank, locum and coordinator wait. */
const STARTS_AS: Readonly<Record<CoverMethod, CoverStatus>> = {
  not_needed: 'not_needed',
  within_team: 'arranged',
  bank_or_locum: 'pending',
  rota_coordinator: 'pending',
};

/**
 * The release figures worked out from the rota, kept on the request. Called whenever they are
 * worked out again (submission, approval, a new time); cover chosen before is left as it was.
 */
export function withRelease(request: ShadowingRequest, release: ReleaseSummary): ShadowingRequest {
  return {
    ...request,
    timeBasis: release.timeBasis,
    releaseHours: release.releaseHours,
    coverHours: release.coverHours,
  };
}

/** True when the figures differ from those the manager was shown last (requests from before count as own time). */
export function releaseChanged(request: ShadowingRequest, release: ReleaseSummary): boolean {
  return (
    (request.timeBasis ?? 'own_time') !== release.timeBasis ||
    (request.releaseHours ?? 0) !== release.releaseHours ||
    (request.coverHours ?? 0) !== release.coverHours
  );
}

/** Forgets how cover was to be arranged: the manager is asked again. */
export function withoutCoverChoice(request: ShadowingRequest): ShadowingRequest {
  const {
    cover: _c,
    coverMethod: _m,
    coverCostEstimateGbp: _g,
    coverArrangerId: _a,
    coverFailedReason: _f,
    releasedWithoutCover: _r,
    ...rest
  } = request;
  return rest;
}

export interface CoverChoice {
  release: ReleaseSummary;
  estimate?: CoverEstimate;
  /** Required when the release needs cover; ignored otherwise. */
  method?: CoverMethod;
  /** Who arranges it when it is still to be arranged: the rota coordinator, or the manager. */
  arrangerId?: string;
  by: string;
  at: Date;
}

/** The manager's approval, with how cover is arranged and what it may cost. */
export function chooseCover(request: ShadowingRequest, choice: CoverChoice): ShadowingRequest {
  const method: CoverMethod =
    choice.release.coverHours > 0 ? (choice.method ?? 'rota_coordinator') : 'not_needed';
  const status = STARTS_AS[method];
  const cost = choice.estimate ? costForMethod(method, choice.estimate) : undefined;
  const base = withoutCoverChoice(withRelease(request, choice.release));
  return {
    ...base,
    cover: status,
    coverMethod: method,
    ...(cost !== undefined ? { coverCostEstimateGbp: cost } : {}),
    ...(status === 'pending' && choice.arrangerId ? { coverArrangerId: choice.arrangerId } : {}),
    coverHistory: [
      ...(request.coverHistory ?? []),
      {
        ...(request.cover ? { from: request.cover } : {}),
        to: status,
        by: choice.by,
        at: choice.at.toISOString(),
      },
    ],
  };
}

export const COVER_ACTIONS = ['cover_arranged', 'cover_failed', 'release_without_cover'] as const;
export type CoverAction = (typeof COVER_ACTIONS)[number];

export type CoverResult =
  | { ok: true; request: ShadowingRequest }
  /** `party` when the actor may see the request, so they are shown where it stands now. */
  | { ok: false; refusal: string; party: boolean; canTryAgain?: true };

/** States in which cover still matters: released, and not yet over or called off. */
const COVER_OPEN = ['awaiting_host', 'host_proposed_time', 'confirmed'] as const;

export const NOT_YOURS_TO_COVER = 'You cannot act on that request. Nothing has been changed.';

/** Whom a cover decision is for: the arranger says whether it is arranged; the manager decides what follows a failure. */
export function coverRoleOf(request: ShadowingRequest, actor: Actor): 'arranger' | 'manager' | undefined {
  if (actor.id === 'system' || actor.id === request.visitorId) return undefined;
  if (actor.id === request.managerId || actor.isProgrammeLead) return 'manager';
  if (actor.id === request.coverArrangerId) return 'arranger';
  return undefined;
}

function movedOn(words: string): CoverResult {
  return { ok: false, party: true, refusal: `${words} Nothing has been changed.` };
}

/**
 * One decision about cover, allowed only to whoever arranges it (or the manager, or a programme
 * lead) and only while the request is open and cover is at the step the decision is for. A
 * decision on a request that has moved on changes nothing, and says where it stands.
 */
export function applyCoverAction(
  request: ShadowingRequest,
  action: CoverAction,
  actor: Actor,
  at: Date,
  reason?: string,
): CoverResult {
  const role = coverRoleOf(request, actor);
  if (!role) return { ok: false, party: false, refusal: NOT_YOURS_TO_COVER };
  if (action === 'release_without_cover' && role !== 'manager')
    return {
      ok: false,
      party: true,
      refusal: 'That is for the manager to decide. Nothing has been changed.',
    };
  if (!(COVER_OPEN as readonly string[]).includes(request.state))
    return movedOn('This request is no longer waiting for cover.');
  const cover = request.cover ?? 'not_needed';
  if (action === 'release_without_cover') {
    if (cover !== 'failed' || request.releasedWithoutCover)
      return movedOn(`Cover is ${cover === 'failed' ? 'already decided' : describeStatus(cover)}.`);
  } else if (cover !== 'pending') {
    return movedOn(`Cover is ${describeStatus(cover)} already.`);
  }
  const why = reason?.trim();
  if (action === 'cover_failed' && !why)
    return {
      ok: false,
      party: true,
      canTryAgain: true,
      refusal:
        'Please say briefly why cover cannot be arranged, so the manager knows. Nothing has been changed.',
    };
  const stamp = at.toISOString();
  if (action === 'release_without_cover')
    return {
      ok: true,
      request: {
        ...request,
        releasedWithoutCover: true,
        updatedAt: stamp,
        coverHistory: [
          ...(request.coverHistory ?? []),
          { from: cover, to: cover, by: actor.id, at: stamp, reason: 'Released without cover' },
        ],
      },
    };
  const to: CoverStatus = action === 'cover_arranged' ? 'arranged' : 'failed';
  return {
    ok: true,
    request: {
      ...request,
      cover: to,
      ...(to === 'failed' && why ? { coverFailedReason: why } : {}),
      updatedAt: stamp,
      coverHistory: [
        ...(request.coverHistory ?? []),
        { from: cover, to, by: actor.id, at: stamp, ...(why && to === 'failed' ? { reason: why } : {}) },
      ],
    },
  };
}

function describeStatus(status: CoverStatus): string {
  switch (status) {
    case 'not_needed':
      return 'not needed';
    case 'pending':
      return 'still being arranged';
    case 'arranged':
      return 'arranged';
    case 'failed':
      return 'marked as not possible';
  }
}
