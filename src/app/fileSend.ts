import { isErasedStandIn } from '../domain/dataRights/anonymise';
import type { ShadowingRequest } from '../domain/requests';
import { notificationId, type Notification } from './notifications';
import { leadsAskedStep, NO_MANAGER_IN_DIRECTORY, routeApprovalToLeads } from './programmeLeads';
import type { Services } from './services';
import { awaitsFirstDecision } from './submitRequest';

/**
 * Everything a send owes once its request is recorded, filed after the visitor has their answer:
 * `file` (the manager's and host's pointers and the manager's message, see sendRequest) and, when
 * the visitor's manager is not in the staff directory, the programme leads asked to decide instead,
 * as the answer has told the visitor (`managerFound` as the send found it; read again if unknown),
 * while nobody has acted on the request yet. Every message is keyed to the request and its step, so filing
 * again files only what is missing; a send that stops part way is finished by the scheduler
 * (fileStoppedSend), which files the same.
 */
export async function fileSend(
  services: Pick<Services, 'people' | 'outbox'>,
  sent: { request: ShadowingRequest; file: () => Promise<Notification[]> },
  managerFound: boolean | undefined,
  now: Date,
): Promise<Notification[]> {
  const [filed, leads] = await Promise.all([
    sent.file(),
    leadsIfNoManager(services, sent.request, managerFound, now),
  ]);
  return [...filed, ...leads];
}

/** The leads asked when the manager is not in the directory (as the send found, or as read now). */
async function leadsIfNoManager(
  services: Pick<Services, 'people' | 'outbox'>,
  request: ShadowingRequest,
  managerFound: boolean | undefined,
  now: Date,
): Promise<Notification[]> {
  // Once anyone has acted, the leads' question was answered: asked again, they would be asked
  // under the request's new step, a second card about a decision already made.
  if (!awaitsFirstDecision(request)) return [];
  const missing = managerFound === undefined ? await isManagerMissing(services, request) : !managerFound;
  return missing ? askLeads(services, request, now) : [];
}

/** The programme leads asked to decide on a request whose visitor has no manager in the directory. */
export function askLeads(
  services: Pick<Services, 'people' | 'outbox'>,
  request: ShadowingRequest,
  now: Date,
): Promise<Notification[]> {
  return routeApprovalToLeads(services, request, now, NO_MANAGER_IN_DIRECTORY);
}

/**
 * Whether a sent request's visitor has no manager in the directory, so the programme leads decide
 * in their place. A manager whose data was erased is settled apart (settleErasedParty).
 */
export async function isManagerMissing(
  services: Pick<Services, 'people'>,
  request: ShadowingRequest,
): Promise<boolean> {
  if (!request.managerId) return true;
  if (isErasedStandIn(request.managerId)) return false;
  return (await services.people.findById(request.managerId)) === undefined;
}

/**
 * Whether the leads were asked about the request: the visitor is told last (routeApprovalToLeads),
 * so the message to the visitor being there means every lead's is.
 */
export async function wereLeadsAsked(
  services: Pick<Services, 'outbox'>,
  request: ShadowingRequest,
): Promise<boolean> {
  const told = notificationId('request_update', request.id, request.visitorId, leadsAskedStep(request));
  return (await services.outbox.find(request.visitorId, told)) !== undefined;
}
