import { isErasedStandIn } from '../domain/dataRights/anonymise';
import type { ShadowingRequest } from '../domain/requests';
import { taskId, type Task, type TasksRepository } from '../store/repositories/tasksRepository';

/** Writes of one pointer that found it changed since it was read, before giving up (left to the scan). */
const WRITE_ATTEMPTS = 4;

/**
 * Brings the manager's and the host's pointers in line with the request. Written after the
 * request itself, and after the person has their answer, so a later move on the request may have
 * written its own pointers first: each is written only over an older copy, as read, so a late
 * write never wins over a newer one. Running it again repairs a partial run.
 */
export async function writeTasks(tasks: TasksRepository, request: ShadowingRequest): Promise<void> {
  // The request's first move (its send) finds no pointers to read: it creates them.
  const firstMove = request.history.length <= 1;
  await Promise.all(tasksFor(request).map((task) => writeUnlessOvertaken(tasks, task, firstMove)));
}

async function writeUnlessOvertaken(tasks: TasksRepository, task: Task, likelyNew: boolean): Promise<void> {
  if (likelyNew && (await tasks.writeIfUnchanged(task, undefined))) return;
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
    const read = await tasks.findVersioned(task.assigneeId, task.role, task.requestId);
    if (read && !isBehind(read.task, task)) return;
    if (await tasks.writeIfUnchanged(task, read?.etag)) return;
  }
  throw new Error(`pointer ${task.id} kept changing while it was written`);
}

/**
 * Whether a stored pointer is behind the one the request calls for: not a later move's copy, and
 * showing another state or time. A write that leaves these as they were (a cover decision) needs
 * no new pointer.
 */
export function isBehind(stored: Task, owed: Task): boolean {
  if (isLaterCopy(stored, owed)) return false;
  return (
    stored.state !== owed.state ||
    stored.start !== owed.start ||
    stored.end !== owed.end ||
    stored.offerId !== owed.offerId
  );
}

/**
 * Written for a later version of the request: more moves, or as many moves and a later write
 * (a rota re-check or a cover decision adds none). Clocks order only writes within one move.
 */
function isLaterCopy(stored: Task, owed: Task): boolean {
  if (stored.moves !== undefined && owed.moves !== undefined && stored.moves !== owed.moves)
    return stored.moves > owed.moves;
  return stored.updatedAt > owed.updatedAt;
}

/**
 * The pointers the request calls for as it stands: its manager's and its host's, but none for
 * someone whose data was erased.
 */
export function tasksFor(request: ShadowingRequest): Task[] {
  const common = {
    requestId: request.id,
    visitorId: request.visitorId,
    state: request.state,
    offerId: request.offerId,
    start: request.start,
    end: request.end,
    updatedAt: request.updatedAt,
    moves: request.history.length,
  };
  const owed: Task[] = [];
  if (request.managerId && !isErasedStandIn(request.managerId))
    owed.push({
      id: taskId('manager', request.id),
      assigneeId: request.managerId,
      role: 'manager',
      ...common,
    });
  if (request.hostId && !isErasedStandIn(request.hostId))
    owed.push({ id: taskId('host', request.id), assigneeId: request.hostId, role: 'host', ...common });
  return owed;
}
