/**
 * Words that only appear when an internal error leaks to a person: exception names, stack frames,
 * file positions, system error codes and store errors. A polite reply never contains any of them.
 */
export const LEAKED_ERROR =
  /TypeError|ReferenceError|SyntaxError|RangeError|\bat [\w.<>$]+ \(|\.[tj]s:\d+|\bE(CONN\w+|NAMETOOLONG|NOENT|ACCES|PIPE)\b|Cannot read prop|is not a function|is not iterable|Maximum call stack|StoreUnavailable|InvalidDocument|VersionConflict|DocumentExists|ZodError|\[object Object\]/;

/** The text of an HTTP answer body, whatever its shape, for scanning. */
export function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body ?? '');
}
