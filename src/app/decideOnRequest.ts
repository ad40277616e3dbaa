import { checkVisit, type HeldBooking } from '../domain/clash';
import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import { checkFreeText } from '../domain/text/checkFreeText';
import { checkVisitTime } from '../domain/workflow/checkVisitTime';
import { applyTransition, TRANSITIONS, type Action, type Actor } from '../domain/workflow/transitions';
import { NOT_YOURS, viewerOf, type Viewer } from '../domain/workflow/viewers';
import { VersionConflictError } from '../store/documentStore';
import { loadClashContext } from './loadClashContext';
import type { Notification } from './notifications';
import { notifyParties } from './notifyParties';
import { releasePlace } from './releasePlace';
import type { Services } from './services';
import { writeTasks } from './writeTasks';

export type Decision =
  | { action: 'approve' | 'accept' | 'accept_time' | 'reject_time' | 'complete' | 'no_show' }
  | { action: 'decline_release' | 'decline_visit' | 'cancel'; reason?: string }
  | { action: 'propose_time'; start: string; end: string };

export type DecisionResult =
  | { ok: true; request: ShadowingRequest; queued: Notification[]; viewer: Viewer }
  /**
   * `request` and `viewer` are given only to a person who may see the request; `canTryAgain` when
   * what they typed was refused, so the card they used is shown again.
   */
  | { ok: false; refusal: string; request?: ShadowingRequest; viewer?: Viewer; canTryAgain?: true };

const MAX_REASON = 500;

/**
 * One person's decision on a request: allowed only for their role and the request's state,
 * re-checked against rotas and places where it matters, and written only if nobody else changed
 * the request first. A double click or a retried card action makes no second change.
 */
export async function decideOnRequest(
  services: Services,
  who: Actor | Person,
  visitorId: string,
  requestId: string,
  decision: Decision,
  now: Date,
): Promise<DecisionResult> {
  const actor: Actor =
    'isProgrammeLead' in who ? who : { id: who.id, isProgrammeLead: who.roles.includes('programme_lead') };
  const found = await services.requests.find(visitorId, requestId);
  if (!found) return { ok: false, refusal: 'I could not find that request. It may have been removed.' };
  const { request, etag } = found;
  const viewer = viewerOf(request, actor);
  if (!viewer) return { ok: false, refusal: NOT_YOURS };
  const checkedReason = checkReason(decision);
  if (!checkedReason.ok)
    return { ok: false, refusal: checkedReason.problem, request, viewer, canTryAgain: true };
  const reason = checkedReason.value;
  const action: Action =
    decision.action === 'accept_time' && services.reapproveNewTime
      ? 'accept_time_for_manager'
      : decision.action;
  const moved = applyTransition(request, action, actor, now, reason);
  if (!moved.ok) {
    if (isOwnLastDecision(request, action, actor.id))
      services.notify(await carryThrough(services, request, action, actor.id, now));
    return { ok: false, refusal: moved.refusal, request, viewer };
  }

  const checked = await recheck(services, request, moved.request, decision, now);
  // The card the person used is shown again with the reason: they can choose again.
  if (!checked.ok) return { ok: false, refusal: checked.refusal, request, viewer, canTryAgain: true };

  try {
    await services.requests.replace(checked.request, etag);
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    const latest = await services.requests.find(visitorId, requestId);
    return {
      ok: false,
      refusal:
        'Someone else acted on this request a moment ago, so your click changed nothing. This is where it stands now.',
      request: latest?.request,
      viewer,
    };
  }
  const queued = await carryThrough(services, checked.request, action, actor.id, now);
  return { ok: true, request: checked.request, queued, viewer };
}

/**
 * A reason is free text that is stored and shown to others: cleaned and checked as all free text
 * is. Refused (patient data, too long), nothing is changed and the person is told why.
 */
function checkReason(decision: Decision): { ok: true; value?: string } | { ok: false; problem: string } {
  if (!('reason' in decision) || decision.reason === undefined) return { ok: true };
  const checked = checkFreeText(decision.reason, { label: 'your reason', min: 0, max: MAX_REASON });
  if (!checked.ok) return { ok: false, problem: `${checked.problem} Nothing has been changed.` };
  return checked.value ? { ok: true, value: checked.value } : { ok: true };
}

/** What follows a decision: pointers, places and messages. Each step is idempotent, so it can run again. */
async function carryThrough(
  services: Services,
  request: ShadowingRequest,
  action: Action,
  actorId: string,
  now: Date,
): Promise<Notification[]> {
  await writeTasks(services.tasks, request);
  await releasePlace(services.holds, request);
  return notifyParties(services.outbox, request, action, actorId, now);
}

/**
 * A click repeated after the store failed part way: the decision was written but what follows it
 * may not have been. Running that again completes it; messages already queued are not queued twice.
 */
function isOwnLastDecision(request: ShadowingRequest, action: Action, actorId: string): boolean {
  const last = request.history.at(-1);
  return last !== undefined && last.by === actorId && last.to === TRANSITIONS[action].to;
}

type Rechecked = { ok: true; request: ShadowingRequest } | { ok: false; refusal: string };

/** Rotas and places change while a request waits: check again before a host accepts or a time moves. */
async function recheck(
  services: Services,
  before: ShadowingRequest,
  after: ShadowingRequest,
  decision: Decision,
  now: Date,
): Promise<Rechecked> {
  if (decision.action === 'propose_time') return checkProposal(services, after, decision, now);
  if (decision.action === 'accept_time' && before.proposed) {
    const time = checkVisitTime(before.proposed.start, before.proposed.end, now);
    if (!time.ok) return { ok: false, refusal: `The new time no longer works: ${time.problem}` };
    return moveToProposedTime(services, after, before.proposed);
  }
  if (decision.action !== 'accept') return { ok: true, request: after };
  const time = checkVisitTime(after.start ?? '', after.end ?? '', now);
  if (!time.ok) return { ok: false, refusal: `This visit can no longer be accepted: ${time.problem}` };
  const problems = await clashesFor(services, after, {
    start: after.start as string,
    end: after.end as string,
  });
  return problems.length
    ? {
        ok: false,
        refusal: `This visit no longer fits: ${problems.join(' ')} You could propose another time instead.`,
      }
    : { ok: true, request: after };
}

async function checkProposal(
  services: Services,
  request: ShadowingRequest,
  slot: { start: string; end: string },
  now: Date,
): Promise<Rechecked> {
  const time = checkVisitTime(slot.start, slot.end, now);
  if (!time.ok) return { ok: false, refusal: time.problem };
  const proposed = { start: time.start, end: time.end };
  // Within the host's sessions (host_not_offered), free on both rotas, and not overlapping another
  // visit of the visitor's (visitor_already_booked) or another visitor's place.
  const problems = await clashesFor(services, request, proposed);
  if (problems.length) return { ok: false, refusal: `That time does not work: ${problems.join(' ')}` };
  return { ok: true, request: { ...request, proposed } };
}

async function moveToProposedTime(
  services: Services,
  request: ShadowingRequest,
  slot: { start: string; end: string },
): Promise<Rechecked> {
  if (!request.hostId || !request.offerId) {
    const problems = await clashesFor(services, request, slot);
    if (problems.length) return { ok: false, refusal: `The new time no longer works: ${problems.join(' ')}` };
  } else {
    // The new place is taken only if the rules still agree against the latest holds, in the same
    // conditional write; the old place is given back afterwards.
    const reserved = await services.holds.reserve(
      request.hostId,
      request.offerId,
      { requestId: request.id, ...slot },
      async (holds) => {
        const problems = await clashesFor(services, request, slot, holds);
        return problems.length
          ? { ok: false, reason: `The new time no longer works: ${problems.join(' ')}` }
          : { ok: true };
      },
    );
    if (!reserved.ok) return { ok: false, refusal: reserved.reason };
    if (request.start)
      await services.holds.release(request.hostId, request.offerId, request.id, request.start);
  }
  const { proposed: _done, ...rest } = request;
  return { ok: true, request: { ...rest, start: slot.start, end: slot.end } };
}

async function clashesFor(
  services: Services,
  request: ShadowingRequest,
  slot: { start: string; end: string },
  holds?: HeldBooking[],
): Promise<string[]> {
  const [visitor, offer] = await Promise.all([
    services.people.findById(request.visitorId),
    request.hostId && request.offerId
      ? services.offers.find(request.hostId, request.offerId)
      : Promise.resolve(undefined),
  ]);
  if (!visitor) return ['The visitor is no longer in the staff directory.'];
  const context = await loadClashContext(
    services,
    visitor,
    offer?.offer,
    { from: new Date(slot.start), to: new Date(slot.end) },
    request.id,
  );
  return checkVisit({
    ...context,
    ...(holds ? { heldBookings: holds } : {}),
    start: slot.start,
    end: slot.end,
  }).clashes.map((c) => c.explanation);
}
