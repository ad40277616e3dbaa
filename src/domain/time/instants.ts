/**
 * Reading instants given as ISO-8601 strings (with Z or an offset) or epoch milliseconds.
 * Date.parse alone accepts 30 February (rolling it into March) and reads a string without an
 * offset in the machine's own zone, so both are refused here.
 */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/i;

export type InstantInput = string | number;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealCalendarDay(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** Two-digit (or longer) number at text[from, to), or NaN if any character is not a digit. */
function readDigits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

function hasUtcSeparators(text: string): boolean {
  return text[4] === '-' && text[7] === '-' && text[10] === 'T' && text[13] === ':' && text[16] === ':';
}

/**
 * The stored form, "2026-03-03T09:00:00Z" or "2026-03-03T09:00:00.000Z", read digit by digit: a
 * year of rota is hundreds of these per check. Anything else returns undefined.
 */
function parseCanonicalUtc(text: string): number | undefined {
  const withMillis = text.length === 24 && text[19] === '.';
  if (!(text.length === 20 || withMillis) || text[text.length - 1] !== 'Z' || !hasUtcSeparators(text)) {
    return undefined;
  }
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 7);
  const day = readDigits(text, 8, 10);
  const hour = readDigits(text, 11, 13);
  const minute = readDigits(text, 14, 16);
  const second = readDigits(text, 17, 19);
  const millis = withMillis ? readDigits(text, 20, 23) : 0;
  // NaN fails every comparison, so a non-digit anywhere lands here too.
  if (!(hour <= 23 && minute <= 59 && second <= 59 && millis >= 0) || !isRealCalendarDay(year, month, day)) {
    return Number.NaN;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

/** Epoch milliseconds for an ISO-8601 string with an offset, or NaN if it is not one. */
export function parseIsoInstant(text: string): number {
  const canonical = parseCanonicalUtc(text);
  if (canonical !== undefined) return canonical;
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
