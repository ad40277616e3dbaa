import { editDistance } from '../text/editDistance';

/**
 * Puts right long words one or two keystrokes away from exactly one word of the vocabulary
 * ("phamacist", "dischage"). Words of fewer than seven letters, words already in the vocabulary
 * and words whose first letter differs are left alone, so ordinary English is not "corrected".
 */
export function correctSpelling(text: string, vocabulary: ReadonlySet<string>): string {
  return text.replace(/\p{L}{7,}/gu, (word) => {
    const lower = word.toLowerCase();
    if (vocabulary.has(lower) || vocabulary.has(lower.replace(/s$/, ''))) return word;
    const allowed = lower.length >= 9 ? 2 : 1;
    const matches = [...vocabulary].filter(
      (known) =>
        known.length >= 6 &&
        known[0] === lower[0] &&
        Math.abs(known.length - lower.length) <= allowed &&
        editDistance(lower, known) <= allowed,
    );
    return matches.length === 1 ? (matches[0] as string) : word;
  });
}
