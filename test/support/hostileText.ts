import corpus from '../fixtures/hostile-text.json';

export interface HostileText {
  name: string;
  text: string;
}

/** The hostile-text corpus with its long entries expanded. */
export const HOSTILE_TEXTS: HostileText[] = corpus.entries.map((entry) => ({
  name: entry.name,
  text:
    'text' in entry && typeof entry.text === 'string'
      ? entry.text
      : (entry as { repeat: string }).repeat.repeat((entry as { times: number }).times),
}));

/** Control and direction characters: the test's own statement of what is removed. */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * What a free-text answer is stored as: the characters typed, less control and direction-override
 * characters, with runs of spaces and tabs made one, trimmed. Nothing is escaped or encoded.
 */
export function expectedStoredText(typed: string): string {
  return typed
    .replace(HIDDEN, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * A short, distinctive piece of the text that would show if it were rendered: the first dozen
 * characters after cleaning. Undefined when the text is too short to tell apart from the bot's own words.
 */
export function probeFor(typed: string): string | undefined {
  const cleaned = expectedStoredText(typed).replace(/\s+/g, ' ');
  const probe = cleaned.slice(0, 12);
  return probe.length >= 6 ? probe : undefined;
}
