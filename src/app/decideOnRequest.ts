import { checkVisit, type HeldBooking } from '../domain/clash';
import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import { checkFreeText } from '../domain/text/checkFreeText';
import { checkVisitTime } from '../domain/workflow/checkVisitTime';
import { applyTransition, TRANSITIONS, type Action, type Actor } from '../domain/workflow/transitions';
import { NOT_YOURS, viewerOf, type Viewer } from '../domain/workflow/viewers';
import { findRequestOfCard } from './findRequestOfCard';
import { readClashContext } from './loadClashContext';
import { readAheadCard } from './readAheadDecision';
import type { Notification } from './notifications';
import type { Services } from './services';
import { writeDecidedRequest } from './writeDecidedRequest';
import type { ReleaseSummary } from '../domain/clash';
import type { CoverMethod } from '../domain/cover/coverMethods';
import { releaseChanged, withoutCoverChoice, withRelease } from '../domain/cover/coverTransitions';
import { DECLINE_CATEGORY_WORDS, type DeclineCategory } from '../domain/cover/declineCategories';
import { describeRelease } from './describeRelease';
import { describeRequest, type RequestView } from './describeRequest';
import { shapeDecision, type CoverAnswers } from './shapeDecision';
import { carryThrough, fileAfterAnswer, type FollowUpOptions } from './fileDecision';

export type Decision =
  | { action: 'accept' | 'accept_time' | 'reject_time' | 'complete' | 'no_show' | 'cancel_for_cover' }
  | { action: 'approve'; coverMethod?: CoverMethod; coverNote?: string }
  | { action: 'decline_visit' | 'cancel'; reason?: string }
  | { action: 'decline_release'; reason?: string; declineCategory?: DeclineCategory }
  | { action: 'propose_time'; start: string; end: string };

export type DecisionResult =
  | {
      ok: true;
      request: ShadowingRequest;
      /**
       * What follows the decision (pointers, the place, messages), filed after the answer and
       * delivered by itself (see AfterAnswer): resolves to the messages it queued, for a caller
       * that waits for it. It rejects if the store failed, and is caught already.
       */
      followUp: Promise<Notification[]>;
      viewer: Viewer;
      /** A rota coordinator was wanted but none is known, so the manager arranges cover. */
      noCoordinator?: true;
      /** The request as a card shows it after the decision, when asked for. */
      view?: RequestView;
    }
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
  options: FollowUpOptions & { describe?: boolean } = {},
): Promise<DecisionResult> {
  const actor: Actor =
    'isProgrammeLead' in who ? who : { id: who.id, isProgrammeLead: who.roles.includes('programme_lead') };
  const found = await findRequestOfCard(services, actor.id, visitorId, requestId);
  if (!found) return { ok: false, refusal: 'I could not find that request. It may have been removed.' };
  const { request, etag } = found;
  const viewer = viewerOf(request, actor);
  if (!viewer) return { ok: false, refusal: NOT_YOURS };
  const checkedReason = checkReason(decision);
  if (!checkedReason.ok)
    return { ok: false, refusal: checkedReason.problem, request, viewer, canTryAgain: true };
  const reason = withCategory(decision, checkedReason.value);
  // A host accepting: the visit is checked again against rotas and places, read while the
  // release is worked out. Only read here; nothing is decided on it before the checks below.
  const visitClashes = decision.action === 'accept' ? clashesAtRequestedTime(services, request) : undefined;
  visitClashes?.catch(() => undefined);
  const newTime = await newTimeRelease(services, request, decision);
  const action: Action =
    decision.action === 'accept_time' && (services.reapproveNewTime || newTime?.changed)
      ? 'accept_time_for_manager'
      : decision.action === 'accept' && newTime?.changed
        ? 'accept_rota_changed'
        : decision.action;
  const moved = applyTransition(
    request,
    action,
    actor,
    now,
    reason ?? (action === 'accept_rota_changed' ? ROTA_CHANGED : placeholderFor(decision)),
  );
  if (!moved.ok) {
    if (isOwnLastDecision(request, action, actor.id))
      void services.afterAnswer.run(() => carryThrough(services, request, action, actor.id, now), {
        requestId,
        job: 'file a decision clicked again',
        ...(options.deliver ? { deliver: options.deliver } : {}),
      });
    return { ok: false, refusal: moved.refusal, request, viewer };
  }
  const shaped = await shapeDecision(services, moved.request, action, answersOf(decision), actor, now);
  if (!shaped.ok)
    return {
      ok: false,
      refusal: shaped.refusal,
      request,
      viewer,
      ...(shaped.canTryAgain ? { canTryAgain: true as const } : {}),
    };

  const checked = await recheck(
    services,
    request,
    withNewTime(shaped.request, newTime),
    decision,
    now,
    visitClashes,
  );
  // The card the person used is shown again with the reason: they can choose again.
  if (!checked.ok) return { ok: false, refusal: checked.refusal, request, viewer, canTryAgain: true };

  if (options.describe) readAheadCard(services, checked.request);
  const lost = await writeDecidedRequest(services, checked.request, etag);
  if (lost) return { ok: false, refusal: lost.refusal, request: lost.latest, viewer };
  const { followUp, beforeAnswer } = fileAfterAnswer(services, {
    before: request,
    after: checked.request,
    action,
    actor,
    now,
    coordinatorId: shaped.coordinatorId,
    options,
  });
  const [view] = await Promise.all([
    // The card after a decision is never the manager's approval card, so the visitor's history is not read.
    options.describe ? describeRequest(services, checked.request, { withHistory: false }) : undefined,
    beforeAnswer,
  ]);
  return {
    ok: true,
    request: checked.request,
    followUp,
    viewer,
    ...(shaped.noCoordinator ? { noCoordinator: true as const } : {}),
    ...(view ? { view } : {}),
  };
}

const ROTA_CHANGED = "The visitor's rota changed what the visit takes them away from.";

/** A decline's reason: its category in words, then anything the manager added. */
function withCategory(decision: Decision, typed: string | undefined): string | undefined {
  if (decision.action !== 'decline_release' || !decision.declineCategory) return typed;
  const category = DECLINE_CATEGORY_WORDS[decision.declineCategory];
  return typed ? `${category}: ${typed}` : category;
}

/**
 * A decline with no category yet still goes through the permission and state checks first, so
 * only someone who may decline hears that a category is missing.
 */
function placeholderFor(decision: Decision): string | undefined {
  return decision.action === 'decline_release' ? 'reason to follow' : undefined;
}

function answersOf(decision: Decision): CoverAnswers {
  if (decision.action === 'approve')
    return {
      ...(decision.coverMethod ? { coverMethod: decision.coverMethod } : {}),
      ...(decision.coverNote !== undefined ? { coverNote: decision.coverNote } : {}),
    };
  if (decision.action === 'decline_release' && decision.declineCategory)
    return { declineCategory: decision.declineCategory };
  return {};
}

interface NewTimeRelease {
  release: ReleaseSummary;
  changed: boolean;
}

/**
 * Taking a new time the host proposed, or the host accepting: what the time releases now. When
 * the time basis or the hours released differ from what the manager approved, the manager decides
 * again, whatever REAPPROVE_NEW_TIME says.
 */
async function newTimeRelease(
  services: Services,
  request: ShadowingRequest,
  decision: Decision,
): Promise<NewTimeRelease | undefined> {
  const slot =
    decision.action === 'accept_time'
      ? request.proposed
      : // A host accepting: the rota may have changed since the release. Requests from before
        // release was recorded are left as their manager approved them.
        decision.action === 'accept' && request.timeBasis && request.start && request.end
        ? { start: request.start, end: request.end }
        : undefined;
  if (!slot) return undefined;
  const visitor = await services.people.findById(request.visitorId);
  if (!visitor) return undefined;
  const release = await describeRelease(services, visitor, slot);
  return { release, changed: releaseChanged(request, release) };
}

function withNewTime(request: ShadowingRequest, newTime: NewTimeRelease | undefined): ShadowingRequest {
  if (!newTime) return request;
  const updated = withRelease(request, newTime.release);
  return request.state === 'awaiting_manager' ? withoutCoverChoice(updated) : updated;
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
  visitClashes?: Promise<string[]>,
): Promise<Rechecked> {
  if (decision.action === 'propose_time') return checkProposal(services, after, decision, now);
  if (decision.action === 'accept_time' && before.proposed) {
    const time = checkVisitTime(before.proposed.start, before.proposed.end, now);
    if (!time.ok) return { ok: false, refusal: `The new time no longer works: ${time.problem}` };
    return moveToProposedTime(services, after, before.proposed, now);
  }
  if (decision.action !== 'accept') return { ok: true, request: after };
  const time = checkVisitTime(after.start ?? '', after.end ?? '', now);
  if (!time.ok) return { ok: false, refusal: `This visit can no longer be accepted: ${time.problem}` };
  const problems = await (visitClashes ??
    clashesFor(services, after, { start: after.start as string, end: after.end as string }));
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
  now: Date,
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
      { requestId: request.id, ...slot, heldAt: now.toISOString() },
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

/** The clashes of the visit at the time the request holds now, if it holds one. */
async function clashesAtRequestedTime(services: Services, request: ShadowingRequest): Promise<string[]> {
  if (!request.start || !request.end) return [];
  return clashesFor(services, request, { start: request.start, end: request.end });
}

async function clashesFor(
  services: Services,
  request: ShadowingRequest,
  slot: { start: string; end: string },
  holds?: HeldBooking[],
): Promise<string[]> {
  const visitor = await services.people.findById(request.visitorId);
  if (!visitor) return ['The visitor is no longer in the staff directory.'];
  const ref = request.hostId && request.offerId ? { hostId: request.hostId, id: request.offerId } : undefined;
  // The offer is read at the same time as the rotas and places, which need only its host and id.
  const [offer, contextFor] = await Promise.all([
    ref ? services.offers.find(ref.hostId, ref.id) : undefined,
    readClashContext(
      services,
      visitor,
      ref,
      { from: new Date(slot.start), to: new Date(slot.end) },
      request.id,
    ),
  ]);
  return checkVisit({
    ...contextFor(offer?.offer),
    ...(holds ? { heldBookings: holds } : {}),
    start: slot.start,
    end: slot.end,
  }).clashes.map((c) => c.explanation);
}
