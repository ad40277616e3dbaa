import type { Logger } from './logger';

interface LoggedRequest {
  id(): string;
  body?: unknown;
}

/**
 * A child logger for one HTTP request: every line it writes carries the request id (restify's,
 * one per request) and, for a Bot Framework activity, the activity id, so a turn can be followed
 * through the log. Ids only: nothing from the body that a person wrote or is called.
 */
export function requestLogger(logger: Logger, req: LoggedRequest): Logger {
  const activityId = (req.body as { id?: unknown } | undefined)?.id;
  return logger.child({
    requestId: req.id(),
    ...(typeof activityId === 'string' && activityId !== '' ? { activityId: activityId.slice(0, 128) } : {}),
  });
}
