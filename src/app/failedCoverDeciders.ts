import { isErasedStandIn } from '../domain/dataRights/anonymise';
import { coverWaitingOn } from '../domain/cover/dueCoverActions';
import type { ShadowingRequest } from '../domain/requests';
import { VersionConflictError } from '../store/documentStore';
import { COVER_ASKING_STEPS, type Notification } from './notifications';
import { newNotification } from './notifyParties';
import { listProgrammeLeads } from './programmeLeads';
import type { Services } from './services';

const KEPT = 'The host is keeping your place meanwhile.';
export const MANAGER_DECIDES = `Cover for your shift could not be arranged, so your manager will decide whether you can still go. ${KEPT}`;
export const LEADS_DECIDE = `Cover for your shift could not be arranged, so the programme lead will decide whether you can still go. ${KEPT}`;
export const NOBODY_DECIDES =
  'Cover for your shift could not be arranged, and no programme lead can be reached in Teams yet, so nobody ' +
  `has been asked to decide whether you can still go. Please ask your education or workforce team to help. ${KEPT}`;
export const LEADS_ASKED =
  'The visitor has no line manager on the shadowing service, so please decide instead.';

/** The visitor's manager, unless there is none or their data was erased. */
function managerOf(request: ShadowingRequest): string | undefined {
  return request.managerId && !isErasedStandIn(request.managerId) ? request.managerId : undefined;
}

/**
 * Who decides what follows cover that could not be arranged (release without it, or cancel), and
 * what the visitor is told: their manager, or with none on the service, the programme leads (not
 * the visitor, nor whoever said cover failed); with no lead reachable, nobody, and the visitor is
 * told whom to ask.
 */
export async function failedCoverDeciders(
  services: Services,
  request: ShadowingRequest,
  actorId: string,
): Promise<{ deciders: string[]; visitorNote: string; note?: string }> {
  const manager = managerOf(request);
  if (manager) return { deciders: [manager], visitorNote: MANAGER_DECIDES };
  const leads = (await listProgrammeLeads(services))
    .map((lead) => lead.id)
    .filter((id) => id !== request.visitorId && id !== actorId);
  return leads.length > 0
    ? { deciders: leads, visitorNote: LEADS_DECIDE, note: LEADS_ASKED }
    : { deciders: [], visitorNote: NOBODY_DECIDES };
}

/** Cover could not be arranged, and the manager who was to decide what follows was erased. */
export function failedCoverAwaitsErasedManager(request: ShadowingRequest): boolean {
  return coverWaitingOn(request) === 'manager' && request.managerId !== undefined && !managerOf(request);
}

/**
 * The decision an erased manager owed after cover failed goes to the programme leads, and the
 * visitor is told; then the request is written without the manager, so it is handed on once.
 * The messages are queued first (their ids are fixed), so a run stopped between queues none twice.
 */
export async function handFailedCoverToLeads(
  services: Services,
  listed: ShadowingRequest,
  now: Date,
): Promise<Notification[]> {
  const found = await services.requests.find(listed.visitorId, listed.id);
  if (!found || !failedCoverAwaitsErasedManager(found.request)) return [];
  const request = found.request;
  const { deciders, visitorNote, note } = await failedCoverDeciders(services, request, 'system');
  const step = `${COVER_ASKING_STEPS.managerErased}${(request.coverHistory ?? []).length}`;
  const messages = [
    ...deciders.map((id) => newNotification('cover_failed', request, id, step, now, note)),
    newNotification('request_update', request, request.visitorId, step, now, visitorNote),
  ];
  const fresh = await Promise.all(messages.map((message) => services.outbox.enqueue(message)));
  const { managerId: _erased, ...withoutManager } = request;
  try {
    await services.requests.replace({ ...withoutManager, updatedAt: now.toISOString() }, found.etag);
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
  }
  return messages.filter((_, i) => fresh[i]);
}
