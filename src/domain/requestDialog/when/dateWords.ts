import { editDistance } from '../../text/editDistance';

/** Month names in order, and the short forms people type. */
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
export const WEEKDAY_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** A month name or its short form ("jan", "sept"), as a regular-expression source. */
export const MONTH_PATTERN =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/**
 * A weekday name, its short forms, and plurals ("tues", "thurs", "wednesdays"), as a
 * regular-expression source. Saturday and Sunday only in full: "sat" and "sun" are words.
 */
export const WEEKDAY_PATTERN =
  '(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|saturday|sunday)s?';

/** 1-12 for a month name or short form. */
export function monthNumber(word: string): number | undefined {
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(word.slice(0, 3).toLowerCase()));
  return index >= 0 ? index + 1 : undefined;
}

/** 1 (Monday) to 7 (Sunday) for a weekday name or short form. */
export function weekdayNumber(word: string): number | undefined {
  const index = WEEKDAY_NAMES.findIndex((name) => name.startsWith(word.slice(0, 3).toLowerCase()));
  return index >= 0 ? index + 1 : undefined;
}

const SPELLING_TARGETS = [
  ...MONTH_NAMES,
  ...WEEKDAY_NAMES,
  'tomorrow',
  'christmas',
  'fortnight',
  'afternoon',
].filter((word) => word.length >= 6);

/**
 * Lower case, with the date words people misspell or shorten put right: "wednsday", "januray",
 * "tomorow", "xmas", "w/c 14th" ("week commencing 14th"), "wk", "may I" (not the month).
 * Accents are dropped and other letters outside English's alphabet become "_", so that a word of
 * another language never yields an English date word at a letter JavaScript's \b takes for the end
 * of a word (the Romanian "marți", Tuesday, is not "mar", March).
 */
export function normaliseDateWords(text: string): string {
  const lower = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/(?![a-z])\p{L}/gu, '_')
    .replace(/[’‘]/g, "'")
    .replace(/\bmay (i|we)\b/g, 'can $1')
    .replace(/\bw\s*\/\s*[cb]\b|\bw\.[cb]\.?/g, 'week commencing')
    .replace(/\bwk\b/g, 'week')
    .replace(/\bx-?mas\b/g, 'christmas')
    .replace(/\bnew years?\b(?! eve)/g, 'new year');
  return lower.replace(/[a-z]{5,}/g, correctSpelling);
}

function correctSpelling(word: string): string {
  if (SPELLING_TARGETS.includes(word as (typeof SPELLING_TARGETS)[number])) return word;
  for (const target of SPELLING_TARGETS) {
    const plural = word.endsWith('s') && !target.endsWith('s') ? word.slice(0, -1) : undefined;
    const allowed = target.length >= 8 ? 2 : 1;
    if (Math.abs(target.length - word.length) > allowed + 1) continue;
    if (editDistance(word, target) <= allowed) return target;
    if (plural && editDistance(plural, target) <= allowed) return `${target}s`;
  }
  return word;
}

/** True for a word that is part of a date or a time of day: "tuesday", "jan", "tomorow", "mornings". */
export function isDateWord(word: string): boolean {
  if (word.length < 3) return false;
  const corrected = correctSpelling(word.toLowerCase());
  return (
    new RegExp(`^(?:${MONTH_PATTERN}|${WEEKDAY_PATTERN})$`).test(corrected) ||
    /^(?:tomorrow|today|tonight|christmas|fortnight|mornings?|afternoons?|weeks?|months?|years?|weekend)$/.test(
      corrected,
    )
  );
}
