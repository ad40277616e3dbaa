/**
 * Reading instants given as ISO-8601 strings (with Z or an offset) or epoch milliseconds.
 * Date.parse alone accepts 30 February (rolling it into March) and reads a string without an
 * offset in the machine's own zone, so both are refused here.
 */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/i;

export type InstantInput = string | number;

function isRealCalendarDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Epoch milliseconds for an ISO-8601 string with an offset, or NaN if it is not one. */
export function parseIsoInstant(text: string): number {
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealCalendarDay(year, month, day) ? Date.parse(text) : Number.NaN;
}

/** Epoch milliseconds for an instant; throws a RangeError naming `label` if it is not one. */
export function toInstantMs(value: InstantInput, label = 'instant'): number {
  const ms = typeof value === 'number' ? value : parseIsoInstant(value);
  if (!Number.isFinite(ms)) {
    throw new RangeError(`${label} is not a valid ISO-8601 instant with an offset: ${String(value)}`);
  }
  return ms;
}
