import type { ShadowingRequest } from '../domain/requests';
import type { Notification } from './notifications';
import { handCoverToManager } from './coverToManager';
import { newNotification } from './notifyParties';
import { leadsHelpSentence, listProgrammeLeads, routeApprovalToLeads } from './programmeLeads';
import type { Services } from './services';

const MANAGER_AWAY = "The visitor's line manager cannot be reached in Teams";
const HOST_AWAY_LEAD =
  'The host cannot be reached in Teams (they may have removed the app), so this request is waiting. Please contact them, or cancel the request.';
const HOST_AWAY_VISITOR = 'I could not reach the host in Teams, so they have not seen your request yet.';

/**
 * When a decision cannot reach the person who must make it, someone who can act is told, and so
 * is the visitor, in plain words: a manager's approval goes to the programme leads; a host's
 * decision is handed to them to follow up; cover a rota coordinator cannot be asked about passes
 * to the manager. Other messages have no one else to go to. Safe to repeat for one message (the
 * scheduler routes again what a failure left owed): what it queues has ids derived from the
 * request and the step, so a repeat queues only what the first run did not.
 */
export async function routeAroundUnreachable(
  services: Services,
  notification: Notification,
  now: Date,
): Promise<Notification[]> {
  if (notification.id.includes(':lead-')) return [];
  if (notification.kind === 'cover_needed') {
    const found = await services.requests.find(notification.visitorId, notification.requestId);
    const request = found?.request;
    // Handed to the manager already: an earlier routing of this message stopped before the card was queued.
    const arranger = request?.coverArrangerId;
    const ownOrHandedOver = arranger === notification.personId || arranger === request?.managerId;
    return request && ownOrHandedOver && request.managerId !== notification.personId
      ? handCoverToManager(services, request, notification.personId, now)
      : [];
  }
  if (notification.kind !== 'approval_needed' && notification.kind !== 'host_decision_needed') return [];
  const found = await services.requests.find(notification.visitorId, notification.requestId);
  if (!found) return [];
  const request = found.request;
  if (notification.kind === 'approval_needed')
    return request.state === 'awaiting_manager'
      ? routeApprovalToLeads(services, request, now, MANAGER_AWAY)
      : [];
  return request.state === 'awaiting_host' ? tellLeadsHostAway(services, request, now) : [];
}

async function tellLeadsHostAway(
  services: Services,
  request: ShadowingRequest,
  now: Date,
): Promise<Notification[]> {
  const step = `lead-host-${request.history.length}`;
  const leads = (await listProgrammeLeads(services)).filter((lead) => lead.id !== request.visitorId);
  const messages = [
    ...leads.map((lead) => newNotification('escalation', request, lead.id, step, now, HOST_AWAY_LEAD)),
    newNotification(
      'request_update',
      request,
      request.visitorId,
      step,
      now,
      hostAwayForVisitor(leads.length),
    ),
  ];
  const queued: Notification[] = [];
  for (const message of messages) if (await services.outbox.enqueue(message)) queued.push(message);
  return queued;
}

/** What the visitor is told: that a programme lead will follow it up only when one could be told. */
function hostAwayForVisitor(leadsTold: number): string {
  return leadsTold > 0
    ? `${HOST_AWAY_VISITOR} I have told the programme lead, who will follow it up.`
    : `${HOST_AWAY_VISITOR} ${leadsHelpSentence(0)}`;
}
