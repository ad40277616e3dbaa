import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import type { Notification } from './notifications';
import { newNotification } from './notifyParties';
import type { Services } from './services';

/** Why a visitor's request goes to the programme leads when their manager is not in the directory. */
export const NO_MANAGER_IN_DIRECTORY = 'The visitor has no line manager in the staff directory';

/** Programme leads (a small list): they decide when a visitor's manager is unknown or unreachable. */
export async function listProgrammeLeads(services: Pick<Services, 'people'>): Promise<Person[]> {
  return (await services.people.listProgrammeLeads()).filter((p) => p.conversation !== undefined);
}

/**
 * Sends a manager's approval to the programme leads instead, and tells the visitor why, in words
 * that are true: `reason` ("The visitor has no line manager in the staff directory") is followed
 * by the leads having been asked, or, when no lead can be reached in Teams, by nobody having been
 * asked yet. Used when the visitor has no manager in the directory, the manager cannot be reached
 * in Teams, or the manager's data was erased.
 */
export async function routeApprovalToLeads(
  services: Pick<Services, 'people' | 'outbox'>,
  request: ShadowingRequest,
  now: Date,
  reason: string,
): Promise<Notification[]> {
  const leads = (await listProgrammeLeads(services)).filter((lead) => lead.id !== request.visitorId);
  const step = leadsAskedStep(request);
  const asked = leadsAskedNote(reason, leads.length);
  const queued: Notification[] = [];
  for (const lead of leads) {
    const notification = newNotification('approval_needed', request, lead.id, step, now, asked);
    if (await services.outbox.enqueue(notification)) queued.push(notification);
  }
  const told = newNotification('request_update', request, request.visitorId, step, now, asked);
  if (await services.outbox.enqueue(told)) queued.push(told);
  return queued;
}

/** The step of the request whose decision went to the leads: the id of the messages that say so. */
export function leadsAskedStep(request: ShadowingRequest): string {
  return `lead-${request.history.length}`;
}

/** The reason a decision went to the programme leads, and whether any lead could be asked. */
export function leadsAskedNote(reason: string, leadsAsked: number): string {
  return leadsAsked > 0
    ? `${reason}, so the programme lead has been asked to decide.`
    : `${reason}, and no programme lead can be reached in Teams yet, so nobody has been asked to decide. ` +
        'The request is kept: please ask your education or workforce team to help.';
}

/** The sentence that says the programme leads were asked to help, or, when none could be, what to do. */
export function leadsHelpSentence(leadsAsked: number): string {
  return leadsAsked > 0
    ? 'I have asked the programme lead to help.'
    : 'No programme lead can be reached in Teams yet, so please ask your education or workforce team to help.';
}
