import { z } from 'zod';
import { stripHiddenCharacters as stripHidden } from '../text/hiddenCharacters';

const MAX_SHOWN = 40;

const emailSchema = z.string().max(254).email();

/** Removes characters that could disguise text: bidirectional controls and control characters. */
export function stripHiddenCharacters(text: string): string {
  return stripHidden(text, { keepLineBreaks: false });
}

/** A value quoted for an error message: hidden characters removed, long values shortened. */
export function quoteValue(value: string): string {
  const visible = stripHiddenCharacters(value).replace(/\t/g, ' ');
  const chars = Array.from(visible);
  const shown = chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : visible;
  return `"${shown}"`;
}

/** Lower-cased, trimmed email address, or undefined when it is not a valid address. */
export function normaliseEmail(value: string): string | undefined {
  const email = value.trim().toLowerCase();
  return emailSchema.safeParse(email).success ? email : undefined;
}

/**
 * True when a spreadsheet would treat the text as a formula (CSV injection), e.g. "=cmd|...".
 */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}
