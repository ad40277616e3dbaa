import type { DraftField } from './draft';
import { readSettingWish, type SettingWish } from './readSettingWish';

const CHANGE_WORDS: Array<[RegExp, DraftField]> = [
  [/^(why|purpose|reason|reasons)$/, 'purpose'],
  [/^(objectives?|learn|learning|aims?|goals?|what to learn|what i want to learn)$/, 'objectives'],
  [/^(who|whom|what|who to shadow|what to shadow|team)$/, 'what'],
  [/^(host|hosts)$/, 'host'],
  [/^(when|date|dates|day|days)$/, 'when'],
  [/^(time|times|slot)$/, 'slot'],
  [/^(length|how long)$/, 'length'],
  [/^(setting|settings|where)$/, 'setting'],
];

/** "change why", "change when", "wrong who": the answer to correct. */
export function readChangeWord(text: string): DraftField | undefined {
  const match =
    /^\s*(?:change|edit|fix|correct|wrong|not right:?)\s+(?:the\s+|my\s+)?(.+?)\s*[.!]?\s*$/i.exec(text);
  if (!match) return undefined;
  const word = (match[1] as string).toLowerCase().replace(/['"]/g, '');
  return CHANGE_WORDS.find(([pattern]) => pattern.test(word))?.[1];
}

/**
 * A message that is only a wish about settings ("only clinics", "any setting", "not theatres",
 * "lower risk only"), which works at any step. A longer answer that mentions clinics is not one.
 */
export function readSettingCommand(text: string): SettingWish | undefined {
  const lower = text
    .toLowerCase()
    .trim()
    .replace(/[.!]+$/, '');
  if (lower.length > 60 || lower.split(/\s+/).length > 8) return undefined;
  if (
    !/^(?:only|just|not|no|nothing|any|anywhere|lower|low|non|avoid|i'?d rather not|rather not|clinics?|outpatients?|offices?)\b/.test(
      lower,
    )
  )
    return undefined;
  return readSettingWish(lower);
}

/** "other hosts", "more hosts", "someone else". */
export function isMoreHostsRequest(text: string): boolean {
  return /^\s*(?:other|more|different|next|another)\s+(?:hosts?|people|options|teams?)\s*$|^\s*someone else\s*$/i.test(
    text,
  );
}
