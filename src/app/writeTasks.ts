import type { ShadowingRequest } from '../domain/requests';
import { taskId, type TasksRepository } from '../store/repositories/tasksRepository';

/**
 * Brings the manager's and the host's pointers in line with the request. Written after the
 * request itself; each write is an idempotent upsert, so running it again repairs a partial run.
 */
export async function writeTasks(tasks: TasksRepository, request: ShadowingRequest): Promise<void> {
  const common = {
    requestId: request.id,
    visitorId: request.visitorId,
    state: request.state,
    offerId: request.offerId,
    start: request.start,
    end: request.end,
    updatedAt: request.updatedAt,
  };
  const writes: Array<Promise<void>> = [];
  if (request.managerId)
    writes.push(
      tasks.upsert({
        id: taskId('manager', request.id),
        assigneeId: request.managerId,
        role: 'manager',
        ...common,
      }),
    );
  if (request.hostId)
    writes.push(
      tasks.upsert({ id: taskId('host', request.id), assigneeId: request.hostId, role: 'host', ...common }),
    );
  await Promise.all(writes);
}
