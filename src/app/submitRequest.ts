import { randomUUID } from 'node:crypto';
import { checkVisit, summariseRelease, type ReleaseSummary } from '../domain/clash';
import type { HostOffer } from '../domain/offers';
import { withRelease } from '../domain/cover/coverTransitions';
import type { Person } from '../domain/people';
import type { RequestDraft } from '../domain/requestDialog/draft';
import type { ShadowingRequest } from '../domain/requests';
import { checkVisitTime } from '../domain/workflow/checkVisitTime';
import { applyTransition } from '../domain/workflow/transitions';
import { DocumentExistsError } from '../store/documentStore';
import type { Hold, HoldDecision, HoldsRepository } from '../store/repositories/holdsRepository';
import type { OffersRepository } from '../store/repositories/offersRepository';
import type { RequestsRepository } from '../store/repositories/requestsRepository';
import type { RotaRepository } from '../store/repositories/rotaRepository';
import type { OutboxRepository } from '../store/repositories/outboxRepository';
import type { TasksRepository } from '../store/repositories/tasksRepository';
import { readClashContext } from './loadClashContext';
import type { Notification } from './notifications';
import { notifyParties } from './notifyParties';
import { writeTasks } from './writeTasks';

export interface SubmitDependencies {
  requests: RequestsRepository;
  offers: OffersRepository;
  rota: RotaRepository;
  tasks: TasksRepository;
  holds: HoldsRepository;
  outbox: OutboxRepository;
}

export type SubmitResult =
  /** `already`: this draft had been sent before (a double click); nothing more was done. */
  | { ok: true; request: ShadowingRequest; warnings: string[]; queued: Notification[]; already?: true }
  | { ok: false; problems: string[] };

/**
 * As SubmitResult, with the pointers and the manager's message not filed yet: `file` files them
 * (only what is missing), for the caller to run once it has answered.
 */
export type SendResult = Sent | { ok: false; problems: string[] };

/** A request sent, by this send or (`already`) an earlier one, with what its send files after the answer. */
type Sent = {
  ok: true;
  request: ShadowingRequest;
  warnings: string[];
  file: () => Promise<Notification[]>;
  already?: true;
};

/**
 * Sends a finished draft to the visitor's manager. The host's place is reserved first, with the
 * clash rules checked against the latest holds (rotas and bookings change while people type), so
 * two visitors can never both hold the last place. Then the request is stored as awaiting the
 * manager, and the pointers that let the manager and host find it are filed.
 */
export async function submitRequest(
  deps: SubmitDependencies,
  visitor: Person,
  draft: RequestDraft,
  now: Date,
): Promise<SubmitResult> {
  const sent = await sendRequest(deps, visitor, draft, now);
  if (!sent.ok) return sent;
  const { file, ...rest } = sent;
  return { ...rest, queued: await file() };
}

/**
 * submitRequest, returning as soon as the request is recorded (stored, its place held), before its
 * pointers and the manager's message are filed: the request is sent once it is recorded, and the
 * caller answers then and files the rest after (`file`). If filing fails, the scheduler files what
 * is missing (fileStoppedSend), as does sending the same draft again or clicking the same button
 * once the conversation has moved on. `recording` is called when the request and its place start
 * being written (not for a refusal found before): the caller can save what it must beside them.
 *
 * The request is stored at the same time as its place is written, once the clash rules have
 * passed against the latest holds: two round trips (reads; place and request) before the answer.
 * Nothing points at the request, and nobody is told of it, until its place is held. Should the place be lost on the recheck after a concurrent change,
 * the request is removed before the answer; should the process stop between the two writes, a
 * request without its place is never announced: sending the draft again holds the place (or
 * answers why not), and the scheduler removes it a minute later and tells the visitor.
 */
export async function sendRequest(
  deps: SubmitDependencies,
  visitor: Person,
  draft: RequestDraft,
  now: Date,
  recording: () => void = () => undefined,
): Promise<SendResult> {
  if (!isFinished(draft)) return { ok: false, problems: ['The request is not finished yet.'] };
  const { chosen, slot } = draft;
  const requestId = draft.id ?? randomUUID();
  // Everything the checks need is read at once: the offer, whether this draft was sent already,
  // both rotas, the visitor's other visits, and (inside the reservation) the places held with the
  // host. Checked as this request (the draft's id): if another instance sends the same draft a
  // moment earlier, its request is this one, not another visit in the way.
  const reads = Promise.all([
    deps.offers.find(chosen.hostId, chosen.offerId),
    deps.requests.find(visitor.id, requestId),
    readClashContext(
      { ...deps, holds: HOLDS_READ_BY_RESERVE },
      visitor,
      { hostId: chosen.hostId, id: chosen.offerId },
      { from: new Date(slot.start), to: new Date(slot.end) },
      requestId,
    ),
  ]);
  // Awaited inside the reservation; if the reservation fails before asking, nothing else waits.
  reads.catch(() => undefined);
  const send: SendInProgress = { warnings: [] };
  let reserved: HoldDecision;
  try {
    reserved = await deps.holds.reserve(
      chosen.hostId,
      chosen.offerId,
      { requestId, start: slot.start, end: slot.end, heldAt: now.toISOString() },
      async (holds, own) => {
        const decision = decideSend(deps, send, { visitor, draft, requestId, now }, await reads, holds, own);
        if (decision.ok) recording();
        return decision;
      },
    );
  } catch (error) {
    await removeStored(deps, send);
    throw error;
  }
  return finishSend(deps, send, reserved, { ...chosen, requestId, start: slot.start }, now);
}

/**
 * The reservation's decision, on the latest holds: whether the draft may take its place, and, the
 * first time it may, the request stored (started, not awaited) while the place is written.
 */
function decideSend(
  deps: SubmitDependencies,
  send: SendInProgress,
  asked: { visitor: Person; draft: FinishedDraft; requestId: string; now: Date },
  [found, sent, context]: SendReads,
  holds: Hold[],
  own: Hold[],
): HoldDecision {
  const { visitor, draft, requestId, now } = asked;
  const { slot } = draft;
  const placeHeld = own.some((h) => Date.parse(h.start) === Date.parse(slot.start));
  if (send.storing && placeHeld) {
    // A send of the same draft elsewhere took the place while this one was storing the request.
    send.heldElsewhere = true;
    return NOT_NOW;
  }
  send.stopped = refusalBeforeReserving(found?.offer, sent?.request, placeHeld, slot, now);
  if (send.stopped || !found) return NOT_NOW;
  // Stored by a send that stopped before its place was held: held now, or removed.
  if (sent) send.unheld ??= sent;
  const report = checkVisit({
    ...context(found.offer),
    heldBookings: holds,
    start: slot.start,
    end: slot.end,
  });
  if (!report.ok) return { ok: false, reason: report.clashes.map((c) => c.explanation).join(' ') };
  if (send.storing) return { ok: true };
  send.warnings = report.warnings.map((w) => w.explanation);
  if (send.unheld && sameTime(send.unheld.request, slot)) return { ok: true };
  const release = summariseRelease(report.release);
  const made = requestFromDraft(visitor, draft, found.offer, release, requestId, now);
  if (!made.ok) {
    send.stopped = { ok: false, problems: [made.refusal] };
    return NOT_NOW;
  }
  send.request = made.request;
  // Stored while the place is written; a copy stored before for another time, never held, is
  // removed first.
  send.storing = storeRequest(deps, made.request, send.unheld?.etag);
  return { ok: true };
}

type SendReads = [
  Awaited<ReturnType<OffersRepository['find']>>,
  Awaited<ReturnType<RequestsRepository['find']>>,
  Awaited<ReturnType<typeof readClashContext>>,
];

/** A draft with everything a request needs. */
type FinishedDraft = RequestDraft &
  Required<Pick<RequestDraft, 'chosen' | 'slot' | 'purpose' | 'objectives'>>;

function isFinished(draft: RequestDraft): draft is FinishedDraft {
  return Boolean(draft.chosen && draft.slot && draft.purpose && draft.objectives?.length);
}

/** What a send has done while its place is being reserved. */
interface SendInProgress {
  warnings: string[];
  /** Why the send stopped before the place was asked for (sent already, the offer paused, ...). */
  stopped?: SendResult;
  /** The request this send is storing, and its storing: started once, when the checks first pass. */
  request?: ShadowingRequest;
  storing?: Promise<Stored>;
  /**
   * The request as a send of this draft that stopped before holding its place left it: its place
   * is held now if it is for the draft's time; otherwise it is replaced, or removed.
   */
  unheld?: { request: ShadowingRequest; etag: string };
  /** Another send of the same draft holds the place for this request. */
  heldElsewhere?: boolean;
}

type Stored = { ok: true; etag: string } | { ok: false; error: unknown };

/** Stores the request, removing first a copy of it that was stored before at version `staleEtag`. */
async function storeRequest(
  deps: SubmitDependencies,
  request: ShadowingRequest,
  staleEtag: string | undefined,
): Promise<Stored> {
  try {
    if (staleEtag) await deps.requests.remove(request.visitorId, request.id, staleEtag);
    return { ok: true, etag: await deps.requests.create(request) };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Once the place is reserved (or not): a request without its place is removed before the
 * answer; a request stored beside its place has its pointers and message filed.
 */
async function finishSend(
  deps: SubmitDependencies,
  send: SendInProgress,
  reserved: HoldDecision,
  place: { hostId: string; offerId: string; requestId: string; start: string },
  now: Date,
): Promise<SendResult> {
  const stored = await send.storing;
  if (send.stopped && !stored) return finishIfSentBefore(deps, send.stopped, now);
  if (!reserved.ok && !send.heldElsewhere) {
    await removeStored(deps, send);
    return { ok: false, problems: [reserved.reason] };
  }
  // Its place held at last, the request is sent as if for the first time.
  if (send.unheld && !send.storing) return filing(deps, send.unheld.request, send.warnings, now);
  if (!stored || !send.request) throw new Error('the place was reserved without a request to hold it');
  if (!stored.ok) {
    // Sent a moment ago from elsewhere (another instance): that request holds the place.
    if (stored.error instanceof DocumentExistsError) {
      const existing = await deps.requests.find(send.request.visitorId, place.requestId);
      if (existing) return finishIfSentBefore(deps, alreadySent(existing.request), now);
    }
    if (!send.heldElsewhere)
      await deps.holds.release(place.hostId, place.offerId, place.requestId, place.start);
    throw stored.error;
  }
  return filing(deps, send.request, send.warnings, now);
}

/** The request sent, its pointers and the manager's message for the caller to file. */
function filing(
  deps: SubmitDependencies,
  request: ShadowingRequest,
  warnings: string[],
  now: Date,
): SendResult {
  return { ok: true, request, warnings, file: () => fileSent(deps, request, now) };
}

/**
 * Removes the request this send stored (or found stored without its place), as stored: its place
 * was not held, so nobody has been told of it. If the removal fails, the request is never
 * announced all the same: the scheduler removes it later (see fileStoppedSends).
 */
async function removeStored(deps: SubmitDependencies, send: SendInProgress): Promise<void> {
  const stored = await send.storing;
  const own = stored?.ok && send.request ? { request: send.request, etag: stored.etag } : send.unheld;
  if (!own) return;
  await deps.requests.remove(own.request.visitorId, own.request.id, own.etag).catch(() => false);
}

/** Whether a stored request is for the time a draft holds. */
function sameTime(request: ShadowingRequest, slot: { start: string; end: string }): boolean {
  return (
    Date.parse(request.start ?? '') === Date.parse(slot.start) &&
    Date.parse(request.end ?? '') === Date.parse(slot.end)
  );
}

/** The request a finished draft becomes, submitted to the visitor's manager. */
function requestFromDraft(
  visitor: Person,
  draft: FinishedDraft,
  offer: HostOffer,
  release: ReleaseSummary,
  requestId: string,
  now: Date,
): ReturnType<typeof applyTransition> {
  const { slot } = draft;
  const stamp = now.toISOString();
  const draftRequest: ShadowingRequest = {
    id: requestId,
    visitorId: visitor.id,
    ...(visitor.managerId ? { managerId: visitor.managerId } : {}),
    hostId: offer.hostId,
    offerId: offer.id,
    offerTitle: offer.title,
    state: 'draft',
    what: draft.what,
    purpose: draft.purpose,
    objectives: draft.objectives,
    start: slot.start,
    end: slot.end,
    length: draft.length ?? 'custom',
    setting: offer.setting,
    history: [],
    createdAt: stamp,
    updatedAt: stamp,
  };
  return applyTransition(
    withRelease(draftRequest, release),
    'submit',
    { id: visitor.id, isProgrammeLead: false },
    now,
  );
}

/**
 * Once the request is saved: the pointers that let its manager and host find it, and the
 * manager's message, side by side. Both are keyed to the request and its step, so filing again
 * files only what is missing.
 */
async function fileSent(
  deps: SubmitDependencies,
  request: ShadowingRequest,
  now: Date,
): Promise<Notification[]> {
  const [, queued] = await Promise.all([
    writeTasks(deps.tasks, request),
    notifyParties(deps.outbox, request, 'submit', request.visitorId, now),
  ]);
  return queued;
}

/** A decision that stops the reservation without saying why: the reason is kept beside it. */
const NOT_NOW = { ok: false, reason: '' } as const;

/** The reservation reads the host's places itself, with the version it writes against. */
const HOLDS_READ_BY_RESERVE = { holdsAround: async () => [] };

/**
 * Why a draft cannot be sent as it is, before its place is taken: checked in this order. A draft
 * sent before counts as sent once its place is held, or once anyone has acted on it.
 */
function refusalBeforeReserving(
  offer: HostOffer | undefined,
  sent: ShadowingRequest | undefined,
  placeHeld: boolean,
  slot: { start: string; end: string },
  now: Date,
): SendResult | undefined {
  if (!offer || offer.status !== 'active')
    return {
      ok: false,
      problems: ['That host has paused or withdrawn the offer. Please choose another host.'],
    };
  if (sent && (placeHeld || !awaitsFirstDecision(sent))) return alreadySent(sent);
  // A draft can wait for days: the time it holds must still be to come when it is sent.
  const time = checkVisitTime(slot.start, slot.end, now);
  return time.ok ? undefined : { ok: false, problems: [time.problem] };
}

/**
 * A draft sent before may have stopped between storing its request and filing what follows (the
 * process killed, the store failing): its manager would never hear. While the request still waits
 * for its manager as sent, `file` files the pointers and the manager's message again; both are
 * keyed to the request and its step, so what was filed already is not filed twice. Only for a
 * request whose place this send has found or made held.
 */
function finishIfSentBefore(deps: SubmitDependencies, result: SendResult, now: Date): SendResult {
  if (!result.ok || !result.already) return result;
  return { ...result, file: fileMissedBy(deps, result.request, now) };
}

/** Files again what the send of a request still waiting for its manager as sent owes (nothing once anyone has acted). */
function fileMissedBy(
  deps: SubmitDependencies,
  request: ShadowingRequest,
  now: Date,
): () => Promise<Notification[]> {
  return async () => (awaitsFirstDecision(request) ? fileSent(deps, request, now) : []);
}

/**
 * A request found sent already: while it still waits for its manager as sent, its pointers and the
 * manager's message are filed again, in case the send that stored it stopped before filing them.
 * Only what is missing is filed, and only while its place is held: a request whose send stopped
 * before holding its place is never announced (undefined then).
 */
export async function fileWhatSendingMissed(
  deps: SubmitDependencies,
  request: ShadowingRequest,
  now: Date,
): Promise<Notification[] | undefined> {
  if (!awaitsFirstDecision(request)) return [];
  if (!(await isPlaceHeld(deps.holds, request))) return undefined;
  return fileSent(deps, request, now);
}

/**
 * A request found sent already, as a send of its draft answers it: `file` files what its send may
 * have left unfiled (see finishIfSentBefore). Undefined for a request whose send stopped before
 * its place was held: it was never sent.
 */
export async function foundSent(
  deps: SubmitDependencies,
  request: ShadowingRequest,
  now: Date,
): Promise<Sent | undefined> {
  if (awaitsFirstDecision(request) && !(await isPlaceHeld(deps.holds, request))) return undefined;
  return { ...alreadySent(request), file: fileMissedBy(deps, request, now) };
}

/** Sent, and nobody has acted on it yet. */
export function awaitsFirstDecision(request: ShadowingRequest): boolean {
  return request.state === 'awaiting_manager' && request.history.length === 1;
}

/** Whether the request holds its place with its host (a request without an offer holds none). */
export async function isPlaceHeld(holds: HoldsRepository, request: ShadowingRequest): Promise<boolean> {
  if (!request.hostId || !request.offerId || !request.start) return true;
  return holds.isHeld(request.hostId, request.offerId, request.id, request.start);
}

function alreadySent(request: ShadowingRequest): Sent {
  return { ok: true, request, warnings: [], file: async () => [], already: true };
}
