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
import type { HoldsRepository } from '../store/repositories/holdsRepository';
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

/** As SubmitResult, with the pointers and messages still being filed: `filed` says when they are. */
export type SendResult =
  | {
      ok: true;
      request: ShadowingRequest;
      warnings: string[];
      filed: Promise<Notification[]>;
      already?: true;
    }
  | { ok: false; problems: string[] };

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
  const { filed, ...rest } = sent;
  return { ...rest, queued: await filed };
}

/**
 * submitRequest, returning as soon as the request is stored, while its pointers and messages are
 * filed: the caller can save what it must (the conversation) at the same time, and waits for
 * `filed` before saying the request was sent. If filing fails, sending the same draft again (or
 * clicking the same button once the conversation has moved on) files what is missing.
 */
export async function sendRequest(
  deps: SubmitDependencies,
  visitor: Person,
  draft: RequestDraft,
  now: Date,
): Promise<SendResult> {
  const { chosen, slot } = draft;
  if (!chosen || !slot || !draft.purpose || !draft.objectives?.length)
    return { ok: false, problems: ['The request is not finished yet.'] };
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
  let stopped: SendResult | undefined;
  let offer: HostOffer | undefined;
  let warnings: string[] = [];
  let release: ReleaseSummary = summariseRelease([]);
  const reserved = await deps.holds.reserve(
    chosen.hostId,
    chosen.offerId,
    { requestId, start: slot.start, end: slot.end, heldAt: now.toISOString() },
    async (holds) => {
      const [found, sent, context] = await reads;
      stopped = refusalBeforeReserving(found?.offer, sent?.request, slot, now);
      if (stopped || !found) return NOT_NOW;
      offer = found.offer;
      const report = checkVisit({ ...context(offer), heldBookings: holds, start: slot.start, end: slot.end });
      warnings = report.warnings.map((w) => w.explanation);
      release = summariseRelease(report.release);
      return report.ok
        ? { ok: true }
        : { ok: false, reason: report.clashes.map((c) => c.explanation).join(' ') };
    },
  );
  if (stopped) return finishIfSentBefore(deps, stopped, now);
  if (!reserved.ok) return { ok: false, problems: [reserved.reason] };
  if (!offer) throw new Error('the place was reserved without the offer having been read');

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
  const submitted = applyTransition(
    withRelease(draftRequest, release),
    'submit',
    { id: visitor.id, isProgrammeLead: false },
    now,
  );
  if (!submitted.ok) return { ok: false, problems: [submitted.refusal] };
  try {
    await deps.requests.create(submitted.request);
  } catch (error) {
    // Sent a moment ago from elsewhere (another instance): that request keeps the place.
    if (error instanceof DocumentExistsError) {
      const existing = await deps.requests.find(visitor.id, requestId);
      if (existing) return finishIfSentBefore(deps, alreadySent(existing.request), now);
    }
    await deps.holds.release(offer.hostId, offer.id, requestId, slot.start);
    throw error;
  }
  const filed = fileSent(deps, submitted.request, now);
  // Whoever sent it waits for it; a failure is theirs to report, not the process's.
  filed.catch(() => undefined);
  return { ok: true, request: submitted.request, warnings, filed };
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

/** Why a draft cannot be sent as it is, before its place is taken: checked in this order. */
function refusalBeforeReserving(
  offer: HostOffer | undefined,
  sent: ShadowingRequest | undefined,
  slot: { start: string; end: string },
  now: Date,
): SendResult | undefined {
  if (!offer || offer.status !== 'active')
    return {
      ok: false,
      problems: ['That host has paused or withdrawn the offer. Please choose another host.'],
    };
  if (sent) return alreadySent(sent);
  // A draft can wait for days: the time it holds must still be to come when it is sent.
  const time = checkVisitTime(slot.start, slot.end, now);
  return time.ok ? undefined : { ok: false, problems: [time.problem] };
}

/**
 * A draft sent before may have stopped between storing its request and filing what follows (the
 * process killed, the store failing): its manager would never hear. While the request still waits
 * for its manager as sent, the pointers and the manager's message are filed again; both are keyed
 * to the request and its step, so what was filed already is not filed twice.
 */
async function finishIfSentBefore(
  deps: SubmitDependencies,
  result: SendResult,
  now: Date,
): Promise<SendResult> {
  if (!result.ok || !result.already) return result;
  const queued = await fileWhatSendingMissed(deps, result.request, now);
  return { ...result, filed: Promise.resolve(queued) };
}

/**
 * A request found sent already: while it still waits for its manager as sent, its pointers and the
 * manager's message are filed again, in case the send that stored it stopped before filing them.
 * Only what is missing is filed.
 */
export async function fileWhatSendingMissed(
  deps: SubmitDependencies,
  request: ShadowingRequest,
  now: Date,
): Promise<Notification[]> {
  if (request.state !== 'awaiting_manager' || request.history.length !== 1) return [];
  return fileSent(deps, request, now);
}

function alreadySent(request: ShadowingRequest): SendResult {
  return { ok: true, request, warnings: [], filed: Promise.resolve([]), already: true };
}
