import { isErasedStandIn } from '../../domain/dataRights/anonymise';
import { coverWaitingOn } from '../../domain/cover/dueCoverActions';
import type { ShadowingRequest } from '../../domain/requests';
import { VersionConflictError } from '../../store/documentStore';
import { COVER_ASKING_STEPS, type Notification } from '../notifications';
import { newNotification } from '../notifyParties';
import { listProgrammeLeads } from '../programmeLeads';
import type { Services } from '../services';

const ARRANGER_GONE = 'The person arranging cover for this visit is no longer on the shadowing service';
export const COVER_TO_MANAGER = `${ARRANGER_GONE}, so please arrange cover yourself, then press Cover arranged here.`;
export const COVER_TO_LEADS = `${ARRANGER_GONE}, and no manager can take it on, so please arrange cover, then press Cover arranged here.`;
export const COVER_TO_NOBODY =
  'The person arranging cover for your shift is no longer on the shadowing service, and no programme lead ' +
  'can be reached in Teams yet, so nobody has been asked to arrange it. Please ask your education or ' +
  'workforce team to help.';

/** Cover still to be arranged by someone whose data was erased (a rota coordinator, a manager or a lead). */
export function awaitsErasedArranger(request: ShadowingRequest): boolean {
  const arranger = request.coverArrangerId;
  return coverWaitingOn(request) === 'arranger' && arranger !== undefined && isErasedStandIn(arranger);
}

/**
 * Cover whose arranger's data was erased passes to the manager, or, with none (or theirs erased
 * too), to the programme leads; with no lead reachable, the visitor is told whom to ask. The
 * messages are queued before the request is written (their ids are fixed), so a run stopped
 * between the two queues nothing twice; once written, the request no longer names the stand-in
 * and is not handed on again. A request that changed meanwhile is left for the next run.
 */
export async function handOnErasedArrangersCover(
  services: Services,
  listed: ShadowingRequest,
  now: Date,
): Promise<Notification[]> {
  const found = await services.requests.find(listed.visitorId, listed.id);
  if (!found || !awaitsErasedArranger(found.request)) return [];
  const request = found.request;
  const { coverArrangerId: _gone, ...rest } = request;
  const manager = request.managerId && !isErasedStandIn(request.managerId) ? request.managerId : undefined;
  const queued = await queueAll(services, await askedInstead(services, request, manager, now));
  const at = now.toISOString();
  // Cover waits from now on whoever took it on: their reminder comes 2 working days from now.
  const handedOn = { from: 'pending', to: 'pending', by: 'system', at, reason: `${ARRANGER_GONE}.` } as const;
  try {
    await services.requests.replace(
      {
        ...rest,
        ...(manager ? { coverArrangerId: manager } : {}),
        coverHistory: [...(request.coverHistory ?? []), handedOn],
        updatedAt: at,
      },
      found.etag,
    );
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
  }
  return queued;
}

async function askedInstead(
  services: Services,
  request: ShadowingRequest,
  manager: string | undefined,
  now: Date,
): Promise<Notification[]> {
  const step = `${COVER_ASKING_STEPS.arrangerErased}${(request.coverHistory ?? []).length}`;
  const ask = (personId: string, note: string) =>
    newNotification('cover_needed', request, personId, step, now, note);
  if (manager) return [ask(manager, COVER_TO_MANAGER)];
  const leads = (await listProgrammeLeads(services)).filter((lead) => lead.id !== request.visitorId);
  if (leads.length > 0) return leads.map((lead) => ask(lead.id, COVER_TO_LEADS));
  return [newNotification('request_update', request, request.visitorId, step, now, COVER_TO_NOBODY)];
}

async function queueAll(services: Services, messages: Notification[]): Promise<Notification[]> {
  const fresh = await Promise.all(messages.map((message) => services.outbox.enqueue(message)));
  return messages.filter((_, i) => fresh[i]);
}
