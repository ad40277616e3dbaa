import {
  DocumentExistsError,
  DocumentNotFoundError,
  StoreError,
  StoreUnavailableError,
  VersionConflictError,
} from '../documentStore';

/** Reads the HTTP status a Cosmos SDK error carries, if any. */
export function statusOf(error: unknown): number | undefined {
  const candidate = error as { code?: unknown; statusCode?: unknown } | null;
  if (typeof candidate?.statusCode === 'number') return candidate.statusCode;
  return typeof candidate?.code === 'number' ? candidate.code : undefined;
}

/**
 * Maps a Cosmos SDK or network error to the port's errors: 409 exists, 404 not found, 412 version
 * conflict; anything else (refused connection, timeout, throttling, authorisation) is unavailable,
 * keeping the original as the cause.
 */
export function toStoreError(
  error: unknown,
  container: string,
  id: string | undefined,
  operation: string,
): StoreError {
  if (error instanceof StoreError) return error;
  const status = statusOf(error);
  if (id !== undefined && status === 409) return new DocumentExistsError(container, id);
  if (id !== undefined && status === 404) return new DocumentNotFoundError(container, id);
  if (id !== undefined && status === 412) return new VersionConflictError(container, id);
  const detail = status === undefined ? describe(error) : `status ${status}`;
  return new StoreUnavailableError(`cosmos: ${operation} on ${container} failed (${detail})`, error);
}

function describe(error: unknown): string {
  const candidate = error as { code?: unknown; name?: unknown } | null;
  if (typeof candidate?.code === 'string') return candidate.code;
  return typeof candidate?.name === 'string' ? candidate.name : 'unknown error';
}
