import { looksLikeFormula, quoteValue, stripHiddenCharacters } from './cleanText';

/**
 * One text column of an imported row: hidden characters removed, trimmed, at most `max`
 * characters, and never something a spreadsheet would run as a formula. A problem is added to
 * `problems` in plain words and undefined returned; an empty optional column is ''.
 */
export function readTextField(
  column: string,
  raw: string,
  options: { required: boolean; max: number },
  problems: string[],
): string | undefined {
  const text = stripHiddenCharacters(raw).trim();
  if (text === '') {
    if (options.required) problems.push(`${column} is empty`);
    return options.required ? undefined : '';
  }
  if (Array.from(text).length > options.max)
    problems.push(`${column} is longer than ${options.max} characters`);
  else if (looksLikeFormula(text)) {
    problems.push(
      `${column} starts with ${quoteValue(text.charAt(0))}, which a spreadsheet would run as a formula`,
    );
  } else return text;
  return undefined;
}
