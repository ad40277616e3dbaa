import { randomUUID } from 'node:crypto';
import { checkVisit } from '../domain/clash';
import type { Person } from '../domain/people';
import type { RequestDraft } from '../domain/requestDialog/draft';
import type { ShadowingRequest } from '../domain/requests';
import { applyTransition } from '../domain/workflow/transitions';
import type { OffersRepository } from '../store/repositories/offersRepository';
import type { RequestsRepository } from '../store/repositories/requestsRepository';
import type { RotaRepository } from '../store/repositories/rotaRepository';
import type { TasksRepository } from '../store/repositories/tasksRepository';
import { loadClashContext } from './loadClashContext';
import { writeTasks } from './writeTasks';

export interface SubmitDependencies {
  requests: RequestsRepository;
  offers: OffersRepository;
  rota: RotaRepository;
  tasks: TasksRepository;
}

export type SubmitResult =
  | { ok: true; request: ShadowingRequest; warnings: string[] }
  | { ok: false; problems: string[] };

/**
 * Sends a finished draft to the visitor's manager: checks the clash rules once more (rotas change
 * while people type), stores the request as awaiting the manager, and files the pointers that let
 * the manager and the host find it.
 */
export async function submitRequest(deps: SubmitDependencies, visitor: Person, draft: RequestDraft, now: Date): Promise<SubmitResult> {
  const { chosen, slot } = draft;
  if (!chosen || !slot || !draft.purpose || !draft.objectives?.length) return { ok: false, problems: ['The request is not finished yet.'] };
  const found = await deps.offers.find(chosen.hostId, chosen.offerId);
  if (!found || found.offer.status !== 'active') return { ok: false, problems: ['That host has paused or withdrawn the offer. Please choose another host.'] };

  const window = { from: new Date(slot.start), to: new Date(slot.end) };
  const context = await loadClashContext(deps, visitor, found.offer, window);
  const report = checkVisit({ ...context, start: slot.start, end: slot.end });
  if (!report.ok) return { ok: false, problems: report.clashes.map((c) => c.explanation) };

  const stamp = now.toISOString();
  const draftRequest: ShadowingRequest = {
    id: randomUUID(),
    visitorId: visitor.id,
    ...(visitor.managerId ? { managerId: visitor.managerId } : {}),
    hostId: chosen.hostId,
    offerId: chosen.offerId,
    offerTitle: chosen.title,
    state: 'draft',
    what: draft.what,
    purpose: draft.purpose,
    objectives: draft.objectives,
    start: slot.start,
    end: slot.end,
    length: draft.length ?? 'custom',
    setting: chosen.setting,
    history: [],
    createdAt: stamp,
    updatedAt: stamp,
  };
  const submitted = applyTransition(draftRequest, 'submit', { id: visitor.id, isProgrammeLead: false }, now);
  if (!submitted.ok) return { ok: false, problems: [submitted.refusal] };
  await deps.requests.create(submitted.request);
  await writeTasks(deps.tasks, submitted.request);
  return { ok: true, request: submitted.request, warnings: report.warnings.map((w) => w.explanation) };
}
