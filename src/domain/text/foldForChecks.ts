/**
 * Text as a person would read it, for checks only (never stored): Unicode compatibility forms
 * folded (NFKC: full-width digits and letters, non-breaking and other spaces, compatibility
 * dashes and stops), format characters (zero-width spaces and joiners, soft hyphens, direction
 * marks) and combining marks removed, every decimal digit (Arabic-Indic, Devanagari, ...) made
 * ASCII, and letters in lower case.
 */
export function foldForChecks(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{Mn}\p{Me}]/gu, '')
    .replace(/\p{Nd}/gu, asciiDigit)
    .toLowerCase();
}

/**
 * The ASCII form of any decimal digit. Unicode encodes each script's digits 0 to 9 in a
 * contiguous run, so a digit's value is its distance from the start of its run.
 */
function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0) as number;
  if (code < 0x80) return digit;
  let start = code;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((code - start) % 10);
}
