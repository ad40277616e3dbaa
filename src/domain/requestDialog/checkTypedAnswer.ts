import { stripHiddenCharacters } from '../text/hiddenCharacters';
import { hasWords, isInstruction, isOtherLanguage } from './checkOpeningMessage';

/**
 * A typed answer in the middle of a request (whom or what, why, what to learn) that cannot be
 * used, and what to change: only emoji or symbols, not in English, or instructions to the bot.
 * Undefined when it can be read. Length and patient data are checked with the answer itself.
 */
export function checkTypedAnswer(raw: string): string | undefined {
  const text = stripHiddenCharacters(raw).trim();
  if (text === '') return undefined;
  if (!hasWords(text)) return 'I can only read words. Please answer the question in words.';
  if (isOtherLanguage(text)) return 'I can only read English for now. Please answer in English.';
  if (isInstruction(text))
    return 'I can only help you arrange a shadowing visit, and I never approve anything: your line manager decides. Please answer the question.';
  return undefined;
}
