/**
 * A cheap shape check at the HTTP boundary, before the Bot Framework sees the body: an activity
 * without the fields every turn needs is refused with 400 rather than failing deeper in.
 * Returns a short reason for the log, or undefined when the body looks like an activity.
 */
export function checkActivityShape(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body is not a JSON object';
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return 'type is missing';
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\//.test(activity.serviceUrl))
    return 'serviceUrl is missing';
  if (typeof activity.channelId !== 'string' || activity.channelId === '') return 'channelId is missing';
  for (const field of ['from', 'recipient', 'conversation'] as const) {
    const value = activity[field];
    if (typeof value !== 'object' || value === null || typeof (value as { id?: unknown }).id !== 'string') {
      return `${field}.id is missing`;
    }
  }
  if (activity.text !== undefined && typeof activity.text !== 'string') return 'text is not a string';
  return undefined;
}
