/** A word of some text: where it is, what was written, and its normalised form. */
export interface Token {
  start: number;
  end: number;
  raw: string;
  /** Lower case, no accents or apostrophes, "&" read as "and". */
  lower: string;
  /** As `lower`, and lightly singular. */
  norm: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|&/gu;
/** Invisible formatting characters (bidirectional controls, zero-width spaces) and controls. */
const HIDDEN = /[\p{Cf}\p{Cc}]/gu;

/** NFKC-normalised text without hidden characters; token positions refer to this text. */
export function cleanForSearch(text: string): string {
  return text.normalize('NFKC').replace(HIDDEN, '');
}

export function tokenise(cleaned: string): Token[] {
  const tokens: Token[] = [];
  for (const match of cleaned.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index ?? 0;
    const lower = lowerWord(raw);
    tokens.push({ start, end: start + raw.length, raw, lower, norm: singularise(lower) });
  }
  return tokens;
}

function lowerWord(raw: string): string {
  if (raw === '&') return 'and';
  return raw.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/['’]/g, '');
}

/** Light plural handling: "wards" -> "ward", "therapies" -> "therapy", "GPs" -> "gp", "FY1s" -> "fy1". */
function singularise(word: string): string {
  if (/\d/.test(word)) return /^[a-z]+\d+s$/.test(word) ? word.slice(0, -1) : word;
  if (word.length < 3) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(word) || !word.endsWith('s')) return word;
  return word.slice(0, -1);
}

/** A glossary term read the same way as text: space-separated words, singular or as written. */
export function normalisePhrase(text: string, form: 'norm' | 'lower' = 'norm'): string {
  return tokenise(cleanForSearch(text))
    .map((token) => token[form])
    .join(' ');
}

export function isAllCapitals(raw: string): boolean {
  return raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

const STOP_WORDS = new Set(
  `a an the and or of to in on at for with from by about into onto over under i id im ive me my we our us you your it its
  is are was were be been being am do doe does did have ha has had would could should will can may might must like want wanted
  love hope some any this that these those what which who whom how when where why there here so as if than then also just
  more most very not no yes please thank thanks spend spending shadow shadowing visit visiting see seeing learn learning
  understand understanding find out work working day morning afternoon evening week month next half full time team
  department service unit staff people person someone colleague job role get go going come know much other one two new
  area they them their he she his her up all way bit interested interest experience keen`
    .split(/\s+/)
    .flatMap((word) => [word, singularise(word)]),
);

/** True for words too common to say anything about what someone is looking for. */
export function isStopWord(token: Token): boolean {
  return STOP_WORDS.has(token.norm) || token.norm.length < 2 || /^\d+$/.test(token.norm);
}
