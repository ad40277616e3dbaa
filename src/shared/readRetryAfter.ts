/** The longest wait a Retry-After header is taken at its word for: one hour. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * How long a Retry-After header asks the caller to wait, in milliseconds: delta-seconds ("120",
 * what Graph and the Bot Connector send; fractions accepted) or an HTTP date ("Wed, 21 Oct 2026
 * 07:28:00 GMT"; a date already past means now). Bounded to 0..`maxMs`, so a hostile or broken
 * header cannot park work for days. Undefined when missing or unreadable, for the caller's own
 * back-off.
 */
export function readRetryAfter(
  header: string | null | undefined,
  now: number = Date.now(),
  maxMs: number = MAX_RETRY_AFTER_MS,
): number | undefined {
  const text = header?.trim() ?? '';
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(Math.round(Number(text) * 1000), maxMs);
  // An HTTP date names its day and month; without this, Date.parse would read "-3" as a year.
  if (!/^[A-Za-z]{3},? /.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - now), maxMs);
}
