import type { Person } from '../domain/people';
import { applyCoverAction, NOT_YOURS_TO_COVER, type CoverAction } from '../domain/cover/coverTransitions';
import type { ShadowingRequest } from '../domain/requests';
import { checkFreeText } from '../domain/text/checkFreeText';
import type { Actor } from '../domain/workflow/transitions';
import { failedCoverDeciders } from './failedCoverDeciders';
import { findRequestOfCard } from './findRequestOfCard';
import type { Notification, NotificationKind } from './notifications';
import { newNotification } from './notifyParties';
import type { Services } from './services';
import { writeDecidedRequest } from './writeDecidedRequest';

export type CoverDecisionResult =
  | { ok: true; request: ShadowingRequest; queued: Notification[] }
  /** `request` only for someone who may act on the request's cover; `canTryAgain` when a reason is missing or refused. */
  | { ok: false; refusal: string; request?: ShadowingRequest; canTryAgain?: true };

const MAX_REASON = 300;

/**
 * A decision about cover: arranged, cannot cover (with a reason), or, after a failure, the manager
 * releasing the visitor without cover. Written only if nobody changed the request first; a double
 * click or a decision on a request that has moved on changes nothing.
 */
export async function decideOnCover(
  services: Services,
  who: Person,
  visitorId: string,
  requestId: string,
  action: CoverAction,
  typedReason: string | undefined,
  now: Date,
): Promise<CoverDecisionResult> {
  const actor: Actor = { id: who.id, isProgrammeLead: who.roles.includes('programme_lead') };
  const found = await findRequestOfCard(services, who.id, visitorId, requestId);
  if (!found) return { ok: false, refusal: NOT_YOURS_TO_COVER };
  const { request, etag } = found;
  const reason = checkReason(action, typedReason);
  const decided = applyCoverAction(request, action, actor, now, reason.ok ? reason.value : undefined);
  if (!decided.ok) {
    if (!decided.party) return { ok: false, refusal: decided.refusal };
    if (!reason.ok) return { ok: false, refusal: reason.problem, request, canTryAgain: true };
    if (isOwnLastCoverDecision(request, action, actor.id))
      services.notify(await tellParties(services, request, action, actor.id, now));
    return {
      ok: false,
      refusal: decided.refusal,
      request,
      ...(decided.canTryAgain ? { canTryAgain: true } : {}),
    };
  }
  const lost = await writeDecidedRequest(services, decided.request, etag);
  if (lost) return { ok: false, refusal: lost.refusal, ...(lost.latest ? { request: lost.latest } : {}) };
  return {
    ok: true,
    request: decided.request,
    queued: await tellParties(services, decided.request, action, actor.id, now),
  };
}

function checkReason(
  action: CoverAction,
  typed: string | undefined,
): { ok: true; value?: string } | { ok: false; problem: string } {
  if (action !== 'cover_failed' || typed === undefined) return { ok: true };
  const checked = checkFreeText(typed, { label: 'your reason', min: 0, max: MAX_REASON });
  if (!checked.ok) return { ok: false, problem: `${checked.problem} Nothing has been changed.` };
  return checked.value ? { ok: true, value: checked.value } : { ok: true };
}

/**
 * A repeated click after a failure part way: the decision was written; its messages are queued
 * again (once each). Only the very decision clicked: a release without cover is written as failed
 * to failed, so "Cannot cover" pressed again after one's own release is not taken for it (it would
 * tell the manager to decide what was decided already).
 */
function isOwnLastCoverDecision(request: ShadowingRequest, action: CoverAction, actorId: string): boolean {
  const last = request.coverHistory?.at(-1);
  if (!last || last.by !== actorId) return false;
  const wasRelease = request.releasedWithoutCover === true && last.from === last.to;
  if (action === 'release_without_cover') return wasRelease;
  return !wasRelease && last.to === (action === 'cover_arranged' ? 'arranged' : 'failed');
}

/** Who hears what after a cover decision. Step ids keep each message to one delivery. */
async function tellParties(
  services: Services,
  request: ShadowingRequest,
  action: CoverAction,
  actorId: string,
  now: Date,
): Promise<Notification[]> {
  const queued: Notification[] = [];
  for (const notification of await owedByCoverDecision(services, request, action, actorId, now))
    if (await services.outbox.enqueue(notification)) queued.push(notification);
  return queued;
}

/** The messages a cover decision owes, as queued (keyed `cover-` and the decision's place in the cover history). */
export async function owedByCoverDecision(
  services: Services,
  request: ShadowingRequest,
  action: CoverAction,
  actorId: string,
  now: Date,
): Promise<Notification[]> {
  const step = `cover-${(request.coverHistory ?? []).length}`;
  const visitorName = (await services.people.findById(request.visitorId))?.name ?? 'the visitor';
  const failed =
    action === 'cover_failed' ? await failedCoverDeciders(services, request, actorId) : undefined;
  const messages: Array<[string | undefined, NotificationKind, string | undefined]> =
    action === 'cover_arranged'
      ? [
          [request.managerId, 'request_update', `Cover for ${visitorName}'s shift has been arranged.`],
          [request.visitorId, 'request_update', 'Cover for your shift has been arranged.'],
        ]
      : failed
        ? [
            ...failed.deciders.map((id): [string, NotificationKind, string | undefined] => [
              id,
              'cover_failed',
              failed.note,
            ]),
            [request.visitorId, 'request_update', failed.visitorNote],
          ]
        : [
            [request.visitorId, 'request_update', releasedAnyway(request, actorId)],
            // The coordinator sees the cover card, never the request itself.
            [request.coverArrangerId, 'cover_needed', `${visitorName} has been released without cover.`],
          ];
  return messages.flatMap(([personId, kind, note]) =>
    personId && personId !== actorId ? [newNotification(kind, request, personId, step, now, note)] : [],
  );
}

/** What the visitor reads when they are released without cover: by their manager, or by a programme lead who decided instead. */
function releasedAnyway(request: ShadowingRequest, actorId: string): string {
  const who = actorId === request.managerId ? 'your manager' : 'the programme lead';
  const goesAhead =
    request.state === 'confirmed'
      ? 'Your visit goes ahead.'
      : 'Your visit goes ahead once the host has agreed it.';
  return `Cover could not be arranged, but ${who} has released you anyway. ${goesAhead}`;
}
