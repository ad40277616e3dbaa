import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import type { Notification } from './notifications';
import { newNotification } from './notifyParties';
import type { Services } from './services';

/** Programme leads (a small list): they decide when a visitor's manager is unknown or unreachable. */
export async function listProgrammeLeads(services: Services): Promise<Person[]> {
  return (await services.people.listProgrammeLeads()).filter((p) => p.conversation !== undefined);
}

/**
 * Sends a manager's approval to the programme leads instead, and tells the visitor why. Used when
 * the visitor has no manager in the directory, or the manager cannot be reached in Teams.
 */
export async function routeApprovalToLeads(
  services: Services,
  request: ShadowingRequest,
  now: Date,
  why: string,
): Promise<Notification[]> {
  const leads = (await listProgrammeLeads(services)).filter((lead) => lead.id !== request.visitorId);
  const queued: Notification[] = [];
  for (const lead of leads) {
    const notification = newNotification(
      'approval_needed',
      request,
      lead.id,
      `lead-${request.history.length}`,
      now,
      why,
    );
    if (await services.outbox.enqueue(notification)) queued.push(notification);
  }
  const told = newNotification(
    'request_update',
    request,
    request.visitorId,
    `lead-${request.history.length}`,
    now,
    why,
  );
  if (await services.outbox.enqueue(told)) queued.push(told);
  return queued;
}
