import type { Setting } from '../offers';
import type { CustomTimes, VisitLengthChoice } from './draft';
import { parseWhen, type DayWindow } from './parseWhen';

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
}

const TIME_WORDS =
  /\b(next|this|on|in|tomorrow|today|from|during|for|at|some ?time|one day|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|morning|afternoon|day)\b.*$/i;

/**
 * Reads what an opening sentence already says: "I'd like to spend a morning with the discharge team
 * next week" gives what = "the discharge team", the window next week, and a morning visit.
 */
export function readSentence(sentence: string, now: Date): SentenceReading {
  const reading: SentenceReading = {};
  const what = readWhat(sentence);
  if (what) reading.what = what;
  const when = parseWhen(sentence, now);
  if (when.ok) {
    reading.window = when.window;
    if (when.part) reading.length = when.part;
  } else if (/\b(morning|afternoon|full day|whole day|all day)\b/i.test(sentence)) {
    const part = parseWhen(`today ${sentence}`, now);
    if (part.ok && part.part) reading.length = part.part;
  }
  return reading;
}

function readWhat(sentence: string): string | undefined {
  const match =
    /\b(?:with|shadow(?:ing)?|visit(?:ing)?|see(?:ing)?|join(?:ing)?|observe|observing)\s+(?:an?\s+|the\s+)?(.+)$/i.exec(
      sentence,
    );
  if (!match) return undefined;
  const rest = (match[1] as string)
    .replace(TIME_WORDS, '')
    .replace(/[.!?,;:]+$/, '')
    .trim();
  if (rest.length < 2 || rest.length > 200) return undefined;
  return rest;
}
