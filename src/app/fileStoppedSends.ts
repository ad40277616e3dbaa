import type { ShadowingRequest } from '../domain/requests';
import { formatVisitTime } from '../domain/time/formatVisit';
import { ExpiringCache } from '../shared/expiringCache';
import { askLeads, isManagerMissing, wereLeadsAsked } from './fileSend';
import type { Notification } from './notifications';
import { newNotification, owedByMove } from './notifyParties';
import { awaitsFirstDecision, fileWhatSendingMissed, isPlaceHeld } from './submitRequest';
import type { Services } from './services';
import { tasksFor } from './writeTasks';

/** A send still filing its own pointers and message is left alone for this long. */
export const SEND_SETTLE_MS = 60_000;

/** Requests already found filed: each is looked at once a day per instance, not on every tick. */
export function stoppedSendsChecked(now?: () => number): ExpiringCache<true> {
  return new ExpiringCache<true>({ ttlMs: 24 * 60 * 60_000, maxEntries: 10_000, now });
}

/**
 * A send stores the request while it holds the request's place, answers the visitor, then files
 * what it owes (fileSend): the manager's message, the manager's and host's pointers, and, when the
 * visitor's manager is not in the directory, the programme leads asked instead. A process stopped
 * on the way (killed, or the store failing) leaves a request its manager (or the leads) never hears
 * of. Once a request has waited `SEND_SETTLE_MS` for its manager as sent, the scheduler reads
 * whether those are there: if not, and the request holds its place, it files whatever is missing
 * (filing again never files anything twice). A request whose place was never held is never
 * announced: it is removed, and the visitor is told it was not sent (see removeUnheldSend).
 */
export async function fileStoppedSend(
  services: Services,
  request: ShadowingRequest,
  now: Date,
  checked: ExpiringCache<true>,
): Promise<Notification[]> {
  if (!awaitsFirstDecision(request)) return [];
  if (Date.parse(request.createdAt) + SEND_SETTLE_MS > now.getTime()) return [];
  if (checked.get(request.id)) return [];
  const readStarted = checked.startRead();
  const [filed, leadsOwed] = await Promise.all([
    isFiled(services, request, now),
    isManagerMissing(services, request),
  ]);
  if (filed && (!leadsOwed || (await wereLeadsAsked(services, request)))) {
    checked.set(request.id, true, readStarted);
    return [];
  }
  const queued = await fileWhatSendingMissed(services, request, now);
  if (!queued) return removeUnheldSend(services, request, now);
  const leads = leadsOwed ? await askLeads(services, request, now) : [];
  checked.set(request.id, true, readStarted);
  return [...queued, ...leads];
}

/**
 * A request whose send stopped after storing it and before its place was held. The visitor saw no
 * "Sent" (that waits for the place to be held), so what they expect is that it did
 * not go: it is removed rather than sent on a minute later without them (the place may be gone, and
 * they may have asked again), and they are told plainly, so they can ask again if they still want
 * to. Removed only as read here, still unheld and untouched: a send of the same draft that holds
 * the place or stores it afresh in the meantime is left alone.
 */
async function removeUnheldSend(
  services: Services,
  request: ShadowingRequest,
  now: Date,
): Promise<Notification[]> {
  const found = await services.requests.find(request.visitorId, request.id);
  if (!found || !awaitsFirstDecision(found.request) || found.request.createdAt !== request.createdAt)
    return [];
  if (await isPlaceHeld(services.holds, found.request)) return [];
  if (!(await services.requests.remove(request.visitorId, request.id, found.etag))) return [];
  const told = newNotification(
    'request_not_sent',
    found.request,
    request.visitorId,
    'not-sent',
    now,
    notSentNote(found.request),
  );
  return (await services.outbox.enqueue(told)) ? [told] : [];
}

function notSentNote(request: ShadowingRequest): string {
  const what = request.offerTitle ? `to visit "${request.offerTitle}"` : 'to shadow';
  const when = request.start && request.end ? ` on ${formatVisitTime(request.start, request.end)}` : '';
  return (
    `Your request ${what}${when} was not sent. Something went wrong before I could keep the place ` +
    'for you, so your manager has not been asked and nothing is booked. If you still want to go, ' +
    'type "new request" to ask again.'
  );
}

/** The send's own filings, as every move's are known (see transitionFilings): its manager's message and both pointers. */
async function isFiled(
  services: Pick<Services, 'outbox' | 'tasks'>,
  request: ShadowingRequest,
  now: Date,
): Promise<boolean> {
  const found = await Promise.all([
    ...owedByMove(request, 'submit', request.visitorId, now).map((n) =>
      services.outbox.find(n.personId, n.id),
    ),
    ...tasksFor(request).map((task) => services.tasks.find(task.assigneeId, task.role, task.requestId)),
  ]);
  return found.every((one) => one !== undefined);
}
