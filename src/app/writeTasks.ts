import { isErasedStandIn } from '../domain/dataRights/anonymise';
import type { ShadowingRequest } from '../domain/requests';
import { taskId, type Task, type TasksRepository } from '../store/repositories/tasksRepository';

/**
 * Brings the manager's and the host's pointers in line with the request. Written after the
 * request itself; each write is an idempotent upsert, so running it again repairs a partial run.
 */
export async function writeTasks(tasks: TasksRepository, request: ShadowingRequest): Promise<void> {
  await Promise.all(tasksFor(request).map((task) => tasks.upsert(task)));
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
