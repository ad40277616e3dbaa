import type { RequestState } from '../../domain/requests';
import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../documentStore';

export type TaskRole = 'manager' | 'host';

/**
 * A pointer from a person to a request that concerns them: a manager's approval, or a host's
 * visit (pending or confirmed). Partitioned by that person, so "my approvals" and "what holds my
 * places" are single-partition queries. The request itself stays the source of truth.
 */
export interface Task {
  id: string;
  assigneeId: string;
  role: TaskRole;
  requestId: string;
  visitorId: string;
  state: RequestState;
  offerId?: string;
  start?: string;
  end?: string;
  updatedAt: string;
  /**
   * How many moves the request's history held when this copy was written: of two copies, the one
   * with more is the later, whatever the clocks said (absent on pointers written before it was kept).
   */
  moves?: number;
}

type TaskDoc = Task & { [field: string]: unknown };

export function taskId(role: TaskRole, requestId: string): string {
  return `${role}:${requestId}`;
}

export class TasksRepository {
  constructor(private readonly store: DocumentStore) {}

  async upsert(task: Task): Promise<void> {
    await this.store.upsert<TaskDoc>('tasks', task as TaskDoc);
  }

  async find(assigneeId: string, role: TaskRole, requestId: string): Promise<Task | undefined> {
    return (await this.store.read<TaskDoc>('tasks', taskId(role, requestId), assigneeId))?.doc;
  }

  /** The pointer with the version tag a conditional write of it must quote. */
  async findVersioned(
    assigneeId: string,
    role: TaskRole,
    requestId: string,
  ): Promise<{ task: Task; etag: string } | undefined> {
    const found = await this.store.read<TaskDoc>('tasks', taskId(role, requestId), assigneeId);
    return found ? { task: found.doc, etag: found.etag } : undefined;
  }

  /**
   * Writes the pointer only if it is still as read (`etag`), or still absent when no etag is
   * given: resolves false when someone wrote it meanwhile, whose copy is then left as it is.
   */
  async writeIfUnchanged(task: Task, etag: string | undefined): Promise<boolean> {
    try {
      if (etag === undefined) await this.store.create<TaskDoc>('tasks', task as TaskDoc);
      else await this.store.replace<TaskDoc>('tasks', task as TaskDoc, { ifMatch: etag });
      return true;
    } catch (error) {
      if (error instanceof DocumentExistsError || error instanceof VersionConflictError) return false;
      throw error;
    }
  }

  async listFor(assigneeId: string, role: TaskRole, states: readonly RequestState[]): Promise<Task[]> {
    return this.store.query<TaskDoc>('tasks', {
      partitionKey: assigneeId,
      where: [
        { field: 'role', op: '=', value: role },
        { field: 'state', op: 'in', value: [...states] },
      ],
      orderBy: { field: 'start', direction: 'asc' },
    });
  }
}
