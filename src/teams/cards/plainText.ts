import { stripHiddenCharacters } from '../../domain/text/hiddenCharacters';

/**
 * Prepares text a person typed (or a directory supplied) for display: control and
 * bidirectional-override characters are removed and the length is capped.
 */
export function plainText(text: string, maxLength = 500): string {
  const cleaned = stripHiddenCharacters(text);
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}

/**
 * Shows user-supplied text inert. A TextRun inside a RichTextBlock is never read as markdown, so a
 * typed link, image or heading is shown as the characters typed.
 */
export function inertText(
  runs: Array<string | { text: string; weight?: 'Bolder'; isSubtle?: boolean }>,
  options: { size?: 'Medium' | 'Large'; maxLength?: number } = {},
): Record<string, unknown> {
  return {
    type: 'RichTextBlock',
    inlines: runs.map((run) => {
      const { text, ...style } = typeof run === 'string' ? { text: run } : run;
      return {
        type: 'TextRun',
        text: plainText(text, options.maxLength),
        ...(options.size ? { size: options.size } : {}),
        ...style,
      };
    }),
  };
}
