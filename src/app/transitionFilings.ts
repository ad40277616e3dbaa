import type { HeldRotaRecheck, ShadowingRequest, Transition } from '../domain/requests';
import { clashKey, releaseOf, rotaClashes } from '../domain/workflow/rotaRecheck';
import { rolesOf, TRANSITIONS, type Action, type ActorRole } from '../domain/workflow/transitions';
import type { RequestState } from '../domain/requests';
import type { Notification } from './notifications';
import { coordinatorCoverCard, newNotification, owedByMove } from './notifyParties';
import { owedByRotaRecheck } from './notifyRotaRecheck';
import { checkAgainstRotas } from './recheckAfterRotaChange';
import { owedByCoverDecision } from './decideOnCover';
import type { CoverAction } from '../domain/cover/coverTransitions';
import type { Services } from './services';
import { withdrawalNote } from './dataRights/erasedParties';
import { coverToStandDown } from './coverStandDown';
import { listProgrammeLeads } from './programmeLeads';

/** What an expiry tells everyone (the scheduler's own move). */
export const EXPIRED_NOTE = 'The date passed before everyone had answered, so the request has expired.';

interface Move {
  from: readonly RequestState[];
  to: RequestState;
  roles: readonly ActorRole[];
}

/**
 * The move a history entry records, told by its states and by who made it. Where two moves share
 * both (a visitor turning down a new time, or cancelling while it waits), the one listed first in
 * TRANSITIONS is taken: the narrower, whose messages the other's include.
 */
export function moveOf(request: ShadowingRequest, entry: Transition): Action | undefined {
  const bySystem = entry.by === 'system';
  const candidates = (Object.keys(TRANSITIONS) as Action[]).filter((action) => {
    const move: Move = TRANSITIONS[action];
    return (
      move.to === entry.to &&
      move.from.includes(entry.from) &&
      (bySystem ? move.roles.includes('system') : move.roles.some((role) => role !== 'system'))
    );
  });
  const roles = bySystem ? [] : rolesOf(request, { id: entry.by, isProgrammeLead: false });
  const theirs = (action: Action) => (TRANSITIONS[action] as Move).roles.some((r) => roles.includes(r));
  return candidates.find(theirs) ?? candidates[0];
}

/**
 * The messages the request's last move owes, as that move queues them (the same ids, so queueing
 * one that exists adds nothing). Only while that move, a decision on its cover, or a rota re-check
 * that kept the state (heldRotaRecheck) is the request's latest write.
 */
export async function owedByLastMove(
  services: Services,
  request: ShadowingRequest,
  now: Date,
): Promise<Notification[]> {
  const held = heldRecheckOf(request);
  if (held) return owedByHeldRecheck(services, request, held, now);
  const cover = coverDecisionOf(request);
  if (cover) return owedByCoverDecision(services, request, cover.action, cover.by, now);
  const last = request.history.at(-1);
  if (!last || last.at !== request.updatedAt) return [];
  const action = moveOf(request, last);
  if (!action) return [];
  if (action === 'rota_changed') {
    if (!last.rotaRecheck) return [];
    const { before, arrangerId } = last.rotaRecheck;
    return owedByRotaRecheck(
      services,
      { state: last.from, ...(arrangerId ? { arrangerId } : {}) },
      request,
      { outcome: 'release_changed', before, after: releaseOf(request) },
      now,
    );
  }
  const note =
    action === 'expire' ? EXPIRED_NOTE : action === 'withdraw' ? withdrawalNote(request) : undefined;
  return [
    ...owedByMove(request, action, last.by, now, note),
    ...coordinatorAsked(request, action, last.by, now),
    ...(await leadsToStandDown(services, request, action, last.by, now)),
  ];
}

/**
 * The programme leads, told to stand down cover for a visit called off when the cover became theirs
 * (whoever arranged it was erased, and no manager is left). Owed by the move, but queued only here,
 * when the scheduler files it: listing the leads is a query across people that a click leaves out.
 */
async function leadsToStandDown(
  services: Services,
  request: ShadowingRequest,
  action: Action,
  actorId: string,
  now: Date,
): Promise<Notification[]> {
  // Only the leads' part is read here, which does not turn on whether the manager was told.
  const standDown = coverToStandDown(request, action, true);
  if (!standDown || !('leads' in standDown)) return [];
  const step = String(request.history.length);
  return (await listProgrammeLeads(services))
    .filter((lead) => lead.id !== actorId && lead.id !== request.visitorId)
    .map((lead) => newNotification('cover_needed', request, lead.id, step, now, standDown.note));
}

/** An approval handing cover to the department's rota coordinator asks them on a card. */
function coordinatorAsked(
  request: ShadowingRequest,
  action: Action,
  actorId: string,
  now: Date,
): Notification[] {
  const arranger = request.coverArrangerId;
  if (action !== 'approve' || request.cover !== 'pending' || !arranger || arranger === actorId) return [];
  return [coordinatorCoverCard(request, arranger, now)];
}

/**
 * The cover decision that was the request's latest write, if one was: cover arranged, cannot
 * cover, or (cover having failed) the manager releasing the visitor without it. The entry an
 * approval adds (cover chosen) is not one: its messages are the approval's.
 */
export function coverDecisionOf(request: ShadowingRequest): { action: CoverAction; by: string } | undefined {
  const last = request.coverHistory?.at(-1);
  if (!last || last.at !== request.updatedAt) return undefined;
  if (last.from === 'pending' && last.to === 'arranged') return { action: 'cover_arranged', by: last.by };
  if (last.from === 'pending' && last.to === 'failed') return { action: 'cover_failed', by: last.by };
  if (last.from === 'failed' && last.to === 'failed' && request.releasedWithoutCover)
    return { action: 'release_without_cover', by: last.by };
  return undefined;
}

/** The rota re-check that kept the request's state, while it is the request's latest write. */
export function heldRecheckOf(request: ShadowingRequest): HeldRotaRecheck | undefined {
  const held = request.heldRotaRecheck;
  return held?.at === request.updatedAt ? held : undefined;
}

/**
 * What a rota re-check that kept the request's state owes, in the words it used. A clash is read
 * again from the rotas: told only while it is still the clash the request records, since a later
 * rota change is re-checked on its own.
 */
async function owedByHeldRecheck(
  services: Services,
  request: ShadowingRequest,
  held: HeldRotaRecheck,
  now: Date,
): Promise<Notification[]> {
  const before = { state: request.state };
  switch (held.outcome) {
    case 'clash_cleared':
      return owedByRotaRecheck(services, before, request, { outcome: 'clash_cleared' }, now);
    case 'release_changed': {
      const recheck = { outcome: 'release_changed', before: held.before, after: releaseOf(request) } as const;
      const arranger = held.arrangerId ? { arrangerId: held.arrangerId } : {};
      return owedByRotaRecheck(services, { ...before, ...arranger }, request, recheck, now);
    }
    case 'clash': {
      const report = await checkAgainstRotas(services, request, now);
      const clashes = report ? rotaClashes(report) : [];
      const key = clashKey(clashes);
      if (clashes.length === 0 || key !== request.rotaClash) return [];
      return owedByRotaRecheck(services, before, request, { outcome: 'clash', clashes, key }, now);
    }
  }
}
