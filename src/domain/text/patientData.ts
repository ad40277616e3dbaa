import { foldForChecks } from './foldForChecks';

export type PatientDataKind = 'an NHS number' | 'a date of birth' | 'a patient identifier';

/**
 * Spots text that looks like patient data, so it can be refused before it is stored or sent on.
 * The text is first read as a person would read it (see foldForChecks), then:
 * - an NHS number: ten digits, in groups split by any separators (spaces, dots, slashes,
 *   hyphens, dashes), that pass the modulus 11 check, so ordinary numbers are left alone;
 * - a date of birth: a date next to "DOB", "born", "date of birth" or "birthday";
 * - a patient identifier: a number after "MRN", "hospital number", "patient ID" and the like.
 */
export function findPatientData(text: string): PatientDataKind | undefined {
  const folded = foldForChecks(text);
  if (hasNhsNumber(folded)) return 'an NHS number';
  if (hasDateOfBirth(folded)) return 'a date of birth';
  if (IDENTIFIER.test(folded)) return 'a patient identifier';
  return undefined;
}

/** Characters that may stand between the digit groups of a number, in any mix, up to three at a time. */
const SEPARATOR = String.raw`[\s\p{Pd}\u2212._/\\\u00b7\u2022\u2027\u2044\u2215\u2219\u22c5\u30fb]`;
const DIGIT_CHAIN = new RegExp(String.raw`\d+(?:${SEPARATOR}{1,3}\d+)*`, 'gu');
const GROUPS = new RegExp(`${SEPARATOR}+`, 'u');

/** Ten digits made of whole neighbouring groups (so "Bed 12 - 943 476 5919" is found too). */
function hasNhsNumber(folded: string): boolean {
  for (const [chain] of folded.matchAll(DIGIT_CHAIN)) {
    const groups = chain.split(GROUPS);
    for (let first = 0; first < groups.length; first += 1) {
      let digits = '';
      for (let last = first; last < groups.length && digits.length < 10; last += 1) {
        digits += groups[last];
        if (digits.length === 10 && isValidNhsNumber(digits)) return true;
      }
    }
  }
  return false;
}

export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  if (/^(\d)\1{9}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const DATE_SEPARATOR = String.raw`\s*(?:[\p{Pd}\u2212./\\]|\s)\s*`;
/** Numeric (3/3/80, 1980-03-03, 03031980), or with the month in words (3rd of March 1980, March 1980). */
const DATE = new RegExp(
  [
    String.raw`\d{1,4}${DATE_SEPARATOR}\d{1,2}(?:${DATE_SEPARATOR}\d{2,4})?`,
    String.raw`(?<!\d)(?:\d{6}|\d{8})(?!\d)`,
    String.raw`${DAY}\s*(?:of\s+)?(?:${MONTH})\.?(?:,?\s*\d{2,4})?`,
    String.raw`(?:${MONTH})\.?\s*(?:${DAY}(?:,?\s*\d{2,4})?|\d{4})`,
  ].join('|'),
  'gu',
);
const BIRTH =
  /(?<![a-z])(?:d\s*\.?\s*o\s*\.?\s*b|date\s+of\s+birth|birth\s*-?\s*date|birthday|born)(?![a-z])\.?/gu;
/** What may stand between "born" (and the like) and the date after it: "born on the", "DOB:", "date of birth is". */
const FILLER_BEFORE = /^[\s:;,=#()[\]\p{Pd}]*(?:(?:on|the|of|is|was|in|at)\b[\s:;,=#()[\]\p{Pd}]*){0,3}$/u;
/** ... and between a date and "DOB" after it: "3/3/1980 (DOB)", "3 March 1980, date of birth". */
const FILLER_AFTER = /^[\s:;,=#()[\]\p{Pd}]*(?:(?:is|was|their|his|her|the)\b[\s:;,=#()[\]\p{Pd}]*){0,2}$/u;

function hasDateOfBirth(folded: string): boolean {
  const dates = [...folded.matchAll(DATE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (const birth of folded.matchAll(BIRTH)) {
    const start = birth.index;
    const end = start + birth[0].length;
    // "DOB" or "date of birth" followed by any number is a date of birth, however it is written.
    if (!/born|birthday/.test(birth[0]) && /^[^a-z\d]{0,3}\d/.test(folded.slice(end))) return true;
    for (const date of dates) {
      if (date.start >= end && FILLER_BEFORE.test(folded.slice(end, date.start))) return true;
      if (date.end <= start && FILLER_AFTER.test(folded.slice(date.end, start))) return true;
    }
  }
  return false;
}

const IDENTIFIER =
  /(?<![a-z])(?:mrn|hospital\s+(?:number|no)|patient\s+(?:id|number|no)|unit\s+number|case\s+number)(?![a-z])[^a-z\d]{0,3}[a-z]{0,3}\s*[:#]?\s*\d/u;

/** Why a text was refused, in plain words, with what to do instead. */
export function patientDataRefusal(kind: PatientDataKind): string {
  return `That looks like it contains ${kind}. Please never send me patient details: write it again without them.`;
}
