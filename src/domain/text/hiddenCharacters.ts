/**
 * Characters that can hide or disguise text: C0 and C1 control characters and the bidirectional
 * marks, embeddings, overrides and isolates that reorder text on screen. One definition, used
 * wherever text a person or a file supplied is stored or shown.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS_EXCEPT_TAB = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Removes control and bidirectional characters. Tabs are kept; line breaks are kept in free text
 * (`keepLineBreaks`, the default) and removed from single-line values such as file cells.
 */
export function stripHiddenCharacters(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  const controls = options.keepLineBreaks === false ? CONTROLS_EXCEPT_TAB : CONTROLS_EXCEPT_LINE_BREAKS;
  return text.replace(BIDI_CONTROLS, '').replace(controls, '');
}
