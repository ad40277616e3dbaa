import { isErasedStandIn } from '../../domain/dataRights/anonymise';
import type { ShadowingRequest } from '../../domain/requests';
import type { Notification } from '../notifications';
import { routeApprovalToLeads } from '../programmeLeads';
import type { Services } from '../services';
import { VersionConflictError } from '../../store/documentStore';
import { failedCoverAwaitsErasedManager, handFailedCoverToLeads } from '../failedCoverDeciders';
import { systemMove } from '../systemMove';
import { awaitsErasedArranger, handOnErasedArrangersCover } from './erasedArranger';

export const VISITOR_ERASED =
  "The visitor's details have been removed from the shadowing service, so this request has been withdrawn.";
export const HOST_ERASED =
  "The host's details have been removed from the shadowing service, so this visit has been cancelled.";
export const MANAGER_ERASED = "The visitor's line manager is no longer on the shadowing service";

/**
 * Why an open request cannot go ahead: its visitor's or its host's data was erased (the visit was
 * with them); undefined when neither was.
 */
export function withdrawalNote(request: ShadowingRequest): string | undefined {
  if (isErasedStandIn(request.visitorId)) return VISITOR_ERASED;
  if (request.hostId && isErasedStandIn(request.hostId)) return HOST_ERASED;
  return undefined;
}

/** The request's latest write withdrew it (the only move the service makes to 'cancelled'). */
export function isWithdrawn(request: ShadowingRequest): boolean {
  const last = request.history.at(-1);
  return last?.to === 'cancelled' && last.by === 'system' && last.at === request.updatedAt;
}

/** Waiting for a release from a manager whose data was erased. */
export function awaitsErasedManager(request: ShadowingRequest): boolean {
  return (
    request.state === 'awaiting_manager' &&
    request.managerId !== undefined &&
    isErasedStandIn(request.managerId)
  );
}

/**
 * The scheduler's part after an erasure. An open request whose visitor or host was erased is
 * withdrawn: its place given back, the others told once why, nobody chased about it again. One
 * waiting for an erased manager's release goes to the programme leads, as when a manager cannot
 * be reached (the visitor is told). Cover still to be arranged by someone erased passes to the
 * manager or the leads (see handOnErasedArrangersCover). Undefined when no party was erased.
 */
export async function settleErasedParty(
  services: Services,
  request: ShadowingRequest,
  now: Date,
): Promise<Notification[] | undefined> {
  const note = withdrawalNote(request);
  if (note) return systemMove(services, request, 'withdraw', { reason: note, note }, now);
  if (awaitsErasedManager(request)) return routeToLeadsOnce(services, request, now);
  if (awaitsErasedArranger(request)) return handOnErasedArrangersCover(services, request, now);
  if (failedCoverAwaitsErasedManager(request)) return handFailedCoverToLeads(services, request, now);
  return undefined;
}

/**
 * A release waiting on an erased manager goes to the programme leads once: the leads are asked and
 * the visitor told (messages with fixed ids, so a run stopped part way queues none twice), then the
 * request is written without the manager, as for a visitor who has none, so later runs neither
 * list the leads again nor look at it. A request that changed meanwhile is left for the next run.
 */
async function routeToLeadsOnce(
  services: Services,
  listed: ShadowingRequest,
  now: Date,
): Promise<Notification[]> {
  const found = await services.requests.find(listed.visitorId, listed.id);
  if (!found || !awaitsErasedManager(found.request)) return [];
  const queued = await routeApprovalToLeads(services, found.request, now, MANAGER_ERASED);
  const { managerId: _erased, ...withoutManager } = found.request;
  try {
    await services.requests.replace({ ...withoutManager, updatedAt: now.toISOString() }, found.etag);
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
  }
  return queued;
}
