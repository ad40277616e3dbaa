/** Splits learning objectives written as lines, a numbered or bulleted list, or separated by ";". */
export function splitObjectives(value: string): string[] {
  return value
    .split(/\r?\n|;/)
    .map((part) => part.replace(/^\s*(?:\d+[.)]|[-*•])\s+/, '').trim())
    .filter((part) => part.length > 0);
}
