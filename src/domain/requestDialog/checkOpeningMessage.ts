import { stripHiddenCharacters } from '../text/hiddenCharacters';
import { MAX_SENTENCE } from './sentenceLimits';

const EXAMPLE = '"I\'d like to spend a morning with the discharge team to see how discharges are planned"';

/** Words nearly every English sentence has; a sentence of several words with none is not English. */
const ENGLISH =
  /\b(i|i'm|im|i'd|id|a|an|the|to|and|of|in|on|with|for|my|me|can|could|would|like|want|please|is|it|be|at|see|shadow|visit|spend|day|morning|team|next|week)\b/i;
/** Common words of the other languages staff are likeliest to write in. */
const OTHER_LANGUAGE =
  /\b(je|voudrais|le|la|les|des|avec|et|est|quiero|querría|el|los|las|con|una|ich|möchte|mit|und|der|die|das|vorrei|il|con|della|chciałbym|chciałabym|się|z|w|na|hoffwn|eisiau|gyda|yr|quero|gostaria|com|uma|não)\b/i;
/** Letters outside the Latin alphabet (Arabic, Chinese, Cyrillic, Devanagari and the like). */
const OTHER_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Han}\p{Script=Cyrillic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Tamil}\p{Script=Gujarati}]/gu;
/** Text that tries to give the bot instructions instead of asking for a visit. */
const INSTRUCTIONS =
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules|prompt|previous|above|everything)\b|\bsystem prompt\b|\byou are now\b|\bact as\b|\bapprove (it|this|my|the) (request|visit)s?\b|\bauto-?approve\b|\bjailbreak\b/i;

/**
 * A message that cannot start a request, and what to change: only emoji or symbols, too long,
 * not in English, or instructions to the bot. Undefined when it can be read.
 */
export function checkOpeningMessage(raw: string): string | undefined {
  const text = stripHiddenCharacters(raw).trim();
  if (text.length > MAX_SENTENCE)
    return `That message is ${text.length.toLocaleString('en-GB')} characters long. Please tell me in a sentence or two whom you would like to shadow and why, for example ${EXAMPLE}.`;
  if (!/[\p{L}\p{N}]/u.test(text))
    return `I can only read words. Please tell me whom you would like to shadow and why, for example ${EXAMPLE}.`;
  if (isOtherLanguage(text))
    return `I can only read English for now. Please write your request in English, for example ${EXAMPLE}.`;
  if (INSTRUCTIONS.test(text))
    return `I can only help you arrange a shadowing visit, and I never approve anything: your line manager decides. Tell me whom you would like to shadow and why, for example ${EXAMPLE}.`;
  return undefined;
}

function isOtherLanguage(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const other = text.match(OTHER_SCRIPT)?.length ?? 0;
  if (letters > 0 && other / letters > 0.5) return true;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 3 && !ENGLISH.test(text) && OTHER_LANGUAGE.test(text);
}
