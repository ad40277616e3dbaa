import { WEEKDAY_PATTERN } from './dateWords';

export type DayPart = 'am' | 'pm' | 'full_day';

/** "am" or "pm" after a day or a time: "Tuesday am", "9am", "in the pm"; not "I am" or "a PM" (a manager). */
const MERIDIEM = (word: 'am' | 'pm') => new RegExp(`(?:\\b(?:${WEEKDAY_PATTERN}|the)\\s+|\\d\\s*)${word}\\b`);
const FULL_DAY =
  /\b(?:(?:a|one|an entire|the whole|a whole|a full|full|whole|all)[- ]day|for the day)\b(?![- ](?:surgery|unit|case|centre|center|hospital|care|ward|to day))/;

/**
 * The part of the day someone names: a morning, an afternoon or a full day; undefined when they
 * name none, or both a morning and an afternoon.
 */
export function readDayPart(lower: string): DayPart | undefined {
  const morning = /\bmornings?\b/.test(lower) || MERIDIEM('am').test(lower);
  const afternoon = /\bafternoons?\b/.test(lower) || MERIDIEM('pm').test(lower);
  if (morning && afternoon) return undefined;
  if (morning) return 'am';
  if (afternoon) return 'pm';
  if (FULL_DAY.test(lower)) return 'full_day';
  return undefined;
}
