/** One iCalendar content line after unfolding: NAME;PARAM=VALUE:value. */
export interface IcsProperty {
  /** Upper-case property name, e.g. DTSTART. */
  name: string;
  /** Parameters by upper-case name, quotes removed, e.g. TZID. */
  params: Record<string, string>;
  value: string;
  /** The file line on which the property starts. */
  line: number;
}

export type IcsLine = { ok: true; property: IcsProperty } | { ok: false; line: number };

/**
 * Splits iCalendar text into content lines, unfolding per RFC 5545 (a line break followed by a
 * space or tab continues the previous line), accepting CRLF, LF or CR line endings and a byte
 * order mark. Empty lines are skipped.
 */
export function readIcsLines(text: string): IcsLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const logical: { text: string; line: number }[] = [];
  physical.forEach((content, index) => {
    const last = logical[logical.length - 1];
    if ((content.startsWith(' ') || content.startsWith('\t')) && last) last.text += content.slice(1);
    else if (content.trim() !== '') logical.push({ text: content, line: index + 1 });
  });
  return logical.map(({ text: content, line }) => {
    const property = parseContentLine(content, line);
    return property ? { ok: true, property } : { ok: false, line };
  });
}

function parseContentLine(content: string, line: number): IcsProperty | undefined {
  const nameMatch = /^[A-Za-z0-9-]+/.exec(content);
  if (!nameMatch) return undefined;
  const params: Record<string, string> = {};
  let at = nameMatch[0].length;
  while (content[at] === ';') {
    const paramMatch = /^;([A-Za-z0-9-]+)=("[^"]*"|[^;:]*)/.exec(content.slice(at));
    if (!paramMatch) return undefined;
    params[(paramMatch[1] ?? '').toUpperCase()] = (paramMatch[2] ?? '').replace(/^"|"$/g, '');
    at += paramMatch[0].length;
  }
  if (content[at] !== ':') return undefined;
  return { name: nameMatch[0].toUpperCase(), params, value: content.slice(at + 1), line };
}

/** Reverses iCalendar TEXT escaping (\\, \; \, \n). */
export function unescapeIcsText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_match, char: string) =>
    char === 'n' || char === 'N' ? ' ' : char,
  );
}

/** Splits a multi-valued TEXT property (e.g. CATEGORIES) on unescaped commas. */
export function splitIcsList(value: string): string[] {
  return value
    .split(/(?<!\\),/)
    .map((item) => unescapeIcsText(item).trim())
    .filter((item) => item !== '');
}
