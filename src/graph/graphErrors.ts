/** A Microsoft Graph request that failed. The message names the request and what to check; never personal data. */
export class GraphError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** 403: the app lacks a permission, or admin consent was not given. */
export class GraphAccessDeniedError extends GraphError {
  override name = 'GraphAccessDeniedError';
}

/** 404: no such user, team or manager. */
export class GraphNotFoundError extends GraphError {
  override name = 'GraphNotFoundError';
}

/** 429 (or 503) still answered after the allowed retries, or a wait longer than allowed was asked for. */
export class GraphThrottledError extends GraphError {
  override name = 'GraphThrottledError';
  constructor(
    message: string,
    status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message, status, 'TooManyRequests');
  }
}

/** Graph did not answer usefully: network failure, timeout, 5xx, or a body that is not JSON. */
export class GraphUnavailableError extends GraphError {
  override name = 'GraphUnavailableError';
}
