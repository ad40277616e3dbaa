import { readSentence } from './readSentence';

/** Words that suggest someone is asking to shadow. */
const REQUEST_WORDS =
  /\b(shadow|shadowing|visit|spend (a|an|the|some)|observe|see how|learn (about|how)|sit in|sit with|join|a (morning|day|afternoon) (with|in|on|at))\b/i;

/**
 * Whether a message not otherwise understood asks for a visit: it has words of asking to
 * shadow, or says whom or what to see or why ("any chance of a day on the AMU", "I want to
 * understand how the coders work").
 */
export function isVisitRequest(text: string, now: Date): boolean {
  if (REQUEST_WORDS.test(text)) return true;
  const reading = readSentence(text, now);
  return Boolean(reading.purpose || (reading.what && (reading.window || reading.length)));
}
