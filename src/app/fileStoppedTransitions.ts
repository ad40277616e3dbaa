import { isErasedStandIn } from '../domain/dataRights/anonymise';
import { isWithdrawn } from './dataRights/erasedParties';
import type { ShadowingRequest } from '../domain/requests';
import type { ExpiringCache } from '../shared/expiringCache';
import type { Task } from '../store/repositories/tasksRepository';
import { fileStoppedSend, SEND_SETTLE_MS } from './fileStoppedSends';
import type { Notification } from './notifications';
import { releasePlace } from './releasePlace';
import type { Services } from './services';
import { awaitsFirstDecision } from './submitRequest';
import { heldRecheckOf, moveOf, owedByLastMove } from './transitionFilings';
import type { Action } from '../domain/workflow/transitions';
import { isBehind, tasksFor } from './writeTasks';

/** Moves older than this are not looked at again: what they owed is a day late or more. */
export const FILING_WINDOW_MS = 24 * 60 * 60_000;

/**
 * A move writes the request first, then what follows it: the pointers its state calls for, the
 * host's place given back when the state gives it up, and the messages of the move. A process
 * stopped in between (killed, or the store failing) leaves the rest unwritten, and nobody may
 * click again. Once a request has rested `SEND_SETTLE_MS` after its latest write, and within
 * `FILING_WINDOW_MS` of it, the scheduler reads whether those are there and files what is missing.
 * Each request is looked at once per write per instance (`checked`, keyed by the write's time).
 * A send that stopped is left to fileStoppedSend, which also removes one whose place was never held,
 * unless a rota re-check has written the request since (its messages are owed here).
 */
export async function fileStoppedTransition(
  services: Services,
  request: ShadowingRequest,
  now: Date,
  checked: ExpiringCache<true>,
): Promise<Notification[]> {
  if (awaitsFirstDecision(request) && !heldRecheckOf(request))
    return fileStoppedSend(services, request, now, checked);
  const at = Date.parse(request.updatedAt);
  if (at + SEND_SETTLE_MS > now.getTime() || at + FILING_WINDOW_MS < now.getTime()) return [];
  const key = `${request.id}@${request.updatedAt}`;
  if (checked.get(key)) return [];
  const readStarted = checked.startRead();
  const queued = await fileWhatFollows(services, request, now);
  checked.set(key, true, readStarted);
  return queued;
}

/**
 * Whether the scan files exactly what `action` owes once it is the request's latest write: the
 * pointers, the place and the messages (the coordinator's card with them). Not where the move
 * reads as another (a visitor cancelling while a new time waits reads as turning the time down),
 * nor for a visitor whose data was erased. The programme leads' cards are never filed by it.
 */
export function isFiledByScan(request: ShadowingRequest, action: Action): boolean {
  const last = request.history.at(-1);
  return (
    last?.at === request.updatedAt &&
    !isErasedStandIn(request.visitorId) &&
    !awaitsFirstDecision(request) &&
    moveOf(request, last) === action
  );
}

/**
 * Reads what the request's latest write should have filed and files only what is missing. A
 * pointer is written only if nobody wrote it since it was read, and never over a newer one; a
 * request that moved on since it was listed is left to the next run.
 */
async function fileWhatFollows(
  services: Services,
  listed: ShadowingRequest,
  now: Date,
): Promise<Notification[]> {
  // A request whose visitor's data was erased keeps only counts: its place is given back, and
  // nothing is pointed at it or told about it again, but for its withdrawal (see erasedParties).
  const filed = !isErasedStandIn(listed.visitorId) || isWithdrawn(listed);
  const [stale, owed] = await Promise.all([
    filed ? stalePointers(services, listed) : [],
    filed
      ? owedByLastMove(services, listed, now).then((all) => all.filter((n) => !isErasedStandIn(n.personId)))
      : [],
    releasePlace(services.holds, listed),
  ]);
  const found = await Promise.all(owed.map((n) => services.outbox.find(n.personId, n.id)));
  const missing = owed.filter((_, i) => found[i] === undefined);
  if (stale.length === 0 && missing.length === 0) return [];
  const latest = await services.requests.find(listed.visitorId, listed.id);
  if (latest?.request.updatedAt !== listed.updatedAt) return [];
  const [, fresh] = await Promise.all([
    Promise.all(stale.map(({ task, etag }) => services.tasks.writeIfUnchanged(task, etag))),
    Promise.all(missing.map((n) => services.outbox.enqueue(n))),
  ]);
  return missing.filter((_, i) => fresh[i]);
}

/** The pointers the request calls for that are missing or behind it, as read. */
async function stalePointers(
  services: Pick<Services, 'tasks'>,
  request: ShadowingRequest,
): Promise<Array<{ task: Task; etag: string | undefined }>> {
  const owed = tasksFor(request).filter((task) => !isErasedStandIn(task.assigneeId));
  const found = await Promise.all(
    owed.map((task) => services.tasks.findVersioned(task.assigneeId, task.role, task.requestId)),
  );
  return owed.flatMap((task, i) => {
    const read = found[i];
    if (read && !isBehind(read.task, task)) return [];
    return [{ task, etag: read?.etag }];
  });
}
