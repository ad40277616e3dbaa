import { checkReturnVisit, returnVisitDraft, teamOffersFor } from '../../domain/relationships/returnVisit';
import type { Person } from '../../domain/people';
import type { RequestDraft } from '../../domain/requestDialog/draft';
import { withTtl } from '../dataRights/retention';
import type { Notification } from '../notifications';
import { newNotification } from '../notifyParties';
import type { Services } from '../services';

export type ReturnVisitPlan =
  /** The visitor's team has offers: a request to them, filled in, for the host to finish. */
  | { kind: 'draft'; draft: RequestDraft; department: string }
  /** The team has no offer: the visitor is asked (once) whether they would offer one. */
  | { kind: 'asked'; department: string; visitorName: string; queued: Notification[]; first: boolean }
  | { kind: 'refused'; refusal: string };

/**
 * After a completed visit, the host asks to visit the visitor's team in return. With offers in
 * that team, the host gets a request filled in; without, the visitor is asked whether they would
 * offer a session. Asking twice sends the visitor one message.
 */
export async function planReturnVisit(
  services: Services,
  host: Person,
  visitorId: string,
  requestId: string,
  now: Date,
): Promise<ReturnVisitPlan> {
  const found = await services.requests.find(visitorId, requestId);
  if (!found)
    return { kind: 'refused', refusal: 'I could not find that visit, so I cannot arrange a return visit.' };
  const request = found.request;
  const visitor = await services.people.findById(request.visitorId);
  const check = checkReturnVisit(request, host, visitor);
  if (!check.ok) return { kind: 'refused', refusal: check.refusal };
  const offers = teamOffersFor(await services.offers.listActive(), check.department, host);
  if (offers.length > 0)
    return {
      kind: 'draft',
      draft: returnVisitDraft(request, check.department, now),
      department: check.department,
    };
  const invite = withTtl(
    newNotification(
      'return_visit_invite',
      request,
      request.visitorId,
      'invite',
      now,
      `${host.name}, ${host.department}`,
    ),
    services.retention?.personalDays,
  );
  const first = await services.outbox.enqueue(invite);
  return {
    kind: 'asked',
    department: check.department,
    visitorName: visitor?.name ?? 'your visitor',
    queued: first ? [invite] : [],
    first,
  };
}
