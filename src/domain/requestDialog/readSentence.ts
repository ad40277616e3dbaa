import type { Setting } from '../offers';
import { stripHiddenCharacters } from '../text/hiddenCharacters';
import type { CustomTimes, VisitLengthChoice } from './draft';
import { parseWhen, type DayWindow } from './parseWhen';
import { readCustomTimes } from './readChoices';
import { readPurpose } from './readPurpose';
import { readSettingWish } from './readSettingWish';
import { readWhom } from './readWhom';
import { normaliseDateWords } from './when/dateWords';
import { readDayPart } from './when/readDayPart';

/** What an opening sentence (or a free-text answer) says about the visit wanted. */
export interface SentenceReading {
  what?: string;
  purpose?: string;
  objectives?: string[];
  window?: DayWindow;
  length?: VisitLengthChoice;
  customTimes?: CustomTimes;
  /** Only these settings; an empty list means any setting. */
  settings?: Setting[];
  /** Any setting but these. */
  avoidSettings?: Setting[];
  /** A date that was named but cannot be used ("30 February", "yesterday"), and why. */
  whenProblem?: string;
}

/**
 * Reads what an opening sentence already says: "I want to learn how complex discharges are
 * planned, so could I spend a morning with the discharge team next week?" gives the purpose and
 * an objective, what = "discharge team", next week, and a morning visit.
 */
export function readSentence(sentence: string, now: Date): SentenceReading {
  const text = stripHiddenCharacters(sentence).replace(/\s+/g, ' ').trim();
  const lower = normaliseDateWords(text);
  const wish = readSettingWish(lower);
  const { clauses = [], ...purpose } = readPurpose(text);
  const reading: SentenceReading = { ...purpose, ...(wish ?? {}), ...readLengthWords(lower) };
  const what = readWhom(text, { ignore: settingPhrases(text), aside: clauses });
  if (what) reading.what = what;
  const when = parseWhen(text, now);
  if (when.ok) reading.window = when.window;
  else if (when.found) reading.whenProblem = when.reason;
  return reading;
}

function readLengthWords(lower: string): Pick<SentenceReading, 'length' | 'customTimes'> {
  const custom = readCustomTimes(lower);
  if (custom) return { length: 'custom', customTimes: custom };
  const part = readDayPart(lower);
  return part ? { length: part } : {};
}

/** The words of a setting wish, left out when reading whom or what ("only clinics please"). */
function settingPhrases(text: string): string[] {
  const match =
    /\b(?:only|just|not|no|nothing|avoid(?:ing)?|rather not(?: go)?)\s+(?:if it'?s\s+)?(?:(?:on|in|into|to)\s+)?(?:an?\s+|the\s+|any\s+)?\S+(?:\s+only)?|\S+\s+only\b|\bsomething non[- ]?clinical\b|\bnon[- ]?clinical\b|\bany setting(?: is fine| is ok| will do)?\b|\b(?:lower|low)[- ]risk\b/gi;
  return [...text.matchAll(match)].map((m) => m[0]);
}
