import { randomUUID } from 'node:crypto';
import { checkVisit } from '../domain/clash';
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
import { loadClashContext } from './loadClashContext';
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
  const { chosen, slot } = draft;
  if (!chosen || !slot || !draft.purpose || !draft.objectives?.length)
    return { ok: false, problems: ['The request is not finished yet.'] };
  const found = await deps.offers.find(chosen.hostId, chosen.offerId);
  if (!found || found.offer.status !== 'active')
    return {
      ok: false,
      problems: ['That host has paused or withdrawn the offer. Please choose another host.'],
    };
  const offer = found.offer;
  const requestId = draft.id ?? randomUUID();
  const sent = await deps.requests.find(visitor.id, requestId);
  if (sent) return alreadySent(sent.request);
  // A draft can wait for days: the time it holds must still be to come when it is sent.
  const time = checkVisitTime(slot.start, slot.end, now);
  if (!time.ok) return { ok: false, problems: [time.problem] };

  // Checked as this request (the draft's id): if another instance sends the same draft a moment
  // earlier, its request is this one, not another visit in the way.
  const context = await loadClashContext(
    deps,
    visitor,
    offer,
    { from: new Date(slot.start), to: new Date(slot.end) },
    requestId,
  );
  let warnings: string[] = [];
  const reserved = await deps.holds.reserve(
    offer.hostId,
    offer.id,
    { requestId, start: slot.start, end: slot.end },
    async (holds) => {
      const report = checkVisit({ ...context, heldBookings: holds, start: slot.start, end: slot.end });
      warnings = report.warnings.map((w) => w.explanation);
      return report.ok
        ? { ok: true }
        : { ok: false, reason: report.clashes.map((c) => c.explanation).join(' ') };
    },
  );
  if (!reserved.ok) return { ok: false, problems: [reserved.reason] };

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
  const submitted = applyTransition(draftRequest, 'submit', { id: visitor.id, isProgrammeLead: false }, now);
  if (!submitted.ok) return { ok: false, problems: [submitted.refusal] };
  try {
    await deps.requests.create(submitted.request);
  } catch (error) {
    // Sent a moment ago from elsewhere (another instance): that request keeps the place.
    if (error instanceof DocumentExistsError) {
      const existing = await deps.requests.find(visitor.id, requestId);
      if (existing) return alreadySent(existing.request);
    }
    await deps.holds.release(offer.hostId, offer.id, requestId, slot.start);
    throw error;
  }
  await writeTasks(deps.tasks, submitted.request);
  const queued = await notifyParties(deps.outbox, submitted.request, 'submit', visitor.id, now);
  return { ok: true, request: submitted.request, warnings, queued };
}

function alreadySent(request: ShadowingRequest): SubmitResult {
  return { ok: true, request, warnings: [], queued: [], already: true };
}
