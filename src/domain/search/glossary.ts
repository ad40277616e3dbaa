import { z } from 'zod';
import {
  cleanForSearch,
  isAllCapitals,
  isStopWord,
  normalisePhrase,
  tokenise,
  type Token,
} from './analyseText';
import { DEFAULT_GLOSSARY, type GlossaryEntry } from './glossaryEntries';
import { correctSpelling } from './correctSpelling';
import { rememberByText } from './rememberByText';

export type { GlossaryEntry } from './glossaryEntries';

/**
 * What a piece of text is about: concept keys ("group:emergency department" for a glossary
 * group, "word:discharge" for any other word) mapped to the words as written that gave them.
 */
export type Concepts = ReadonlyMap<string, string>;

export interface Glossary {
  /** The normalised words of the text plus every term of each glossary group it mentions. */
  expandTerms(text: string): string[];
  /**
   * The concepts of the text: glossary groups found in it and its other meaningful words. The
   * same text gives the same (shared, never to be changed) result, remembered for the texts
   * analysed most recently: every search reads the whole catalogue's titles and descriptions.
   */
  analyse(text: string): Concepts;
  /** The plain-words name of a group concept, e.g. "emergency department" for "A&E". */
  plainTermOf(conceptKey: string): string | undefined;
  /** The text with long misspelt glossary words put right: "phamacist" becomes "pharmacist". */
  correctSpelling(text: string): string;
}

export class GlossaryConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The glossary entries are not valid:\n- ${problems.join('\n- ')}`);
    this.name = 'GlossaryConfigError';
  }
}

const termSchema = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');
const entrySchema = z
  .object({
    plain: termSchema,
    terms: z.array(termSchema).min(1, 'must list at least one term').max(50, 'must list at most 50 terms'),
    capitalsOnly: z
      .array(z.string().regex(/^[A-Za-z0-9]{2,10}$/, 'must be one word of 2 to 10 letters or digits'))
      .max(20)
      .optional(),
    covers: z.array(termSchema).max(50).optional(),
  })
  .strict();
const entriesSchema = z
  .array(entrySchema, { invalid_type_error: 'must be a JSON array of {"plain", "terms"} objects' })
  .max(2000);

/**
 * Texts whose analysis is remembered per glossary: a catalogue of a thousand offers has about three
 * thousand distinct titles, departments and descriptions, and each analysis is a few small strings.
 */
export const ANALYSES_KEPT = 4_000;
/** Longer texts (an offer's description is at most 1,000 characters) are analysed every time. */
const LONGEST_TEXT_KEPT = 2_000;

interface Group {
  key: string;
  plain: string;
  terms: string[];
}

/**
 * Builds a glossary from the default entries plus extra ones (e.g. a trust's own JSON file, read
 * by the caller, as parsed JSON or text). An extra entry with the same plain name as a default
 * one adds terms to it. Throws GlossaryConfigError naming each problem.
 */
export function createGlossary(extraEntries?: unknown): Glossary {
  const extra = extraEntries === undefined ? [] : readEntries(extraEntries);
  const groups = new Map<string, Group>();
  const phrases = new Map<string, Set<string>>();
  const capitals = new Map<string, Set<string>>();
  const covers = new Map<string, Set<string>>();
  let longest = 1;
  const link = (index: Map<string, Set<string>>, phrase: string, key: string) => {
    const keys = index.get(phrase) ?? new Set<string>();
    keys.add(key);
    index.set(phrase, keys);
  };
  for (const entry of [...DEFAULT_GLOSSARY, ...extra]) {
    const key = `group:${normalisePhrase(entry.plain)}`;
    const group = groups.get(key) ?? { key, plain: entry.plain, terms: [] };
    groups.set(key, group);
    for (const term of [entry.plain, ...entry.terms]) {
      const written = normalisePhrase(term, 'lower');
      if (!group.terms.includes(written)) group.terms.push(written);
      // Indexed as written and as singular, so "CNS" stays "cns" and "wards" finds "ward".
      link(phrases, written, key);
      link(phrases, normalisePhrase(term), key);
      longest = Math.max(longest, written.split(' ').length);
    }
    for (const term of entry.capitalsOnly ?? []) {
      link(capitals, normalisePhrase(term, 'lower'), key);
      if (!group.terms.includes(term.toLowerCase())) group.terms.push(term.toLowerCase());
    }
    for (const narrower of entry.covers ?? []) link(covers, key, `group:${normalisePhrase(narrower)}`);
  }
  ensureCoveredGroupsExist(covers, groups);
  const analyse = rememberByText(ANALYSES_KEPT, LONGEST_TEXT_KEPT, (text: string) =>
    findConcepts(text, { phrases, capitals, covers, longest }),
  );
  const vocabulary = new Set([...groups.values()].flatMap((g) => g.terms.flatMap((t) => t.split(' '))));
  return {
    analyse,
    expandTerms: (text) => expand(analyse(text), groups),
    plainTermOf: (key) => groups.get(key)?.plain,
    correctSpelling: (text) => correctSpelling(text, vocabulary),
  };
}

function ensureCoveredGroupsExist(
  covers: ReadonlyMap<string, ReadonlySet<string>>,
  groups: ReadonlyMap<string, Group>,
): void {
  const unknown = [...covers].flatMap(([key, narrower]) =>
    [...narrower]
      .filter((n) => !groups.has(n))
      .map((n) => `${groups.get(key)?.plain} covers "${n.slice('group:'.length)}", which is not a group`),
  );
  if (unknown.length > 0) throw new GlossaryConfigError(unknown);
}

function readEntries(value: unknown): GlossaryEntry[] {
  let parsedJson = value;
  if (typeof value === 'string') {
    try {
      parsedJson = JSON.parse(value);
    } catch (error) {
      throw new GlossaryConfigError([`the text is not valid JSON (${(error as Error).message})`]);
    }
  }
  const parsed = entriesSchema.safeParse(parsedJson);
  if (!parsed.success) throw new GlossaryConfigError(parsed.error.issues.map(describeIssue));
  const empty = parsed.data.flatMap((entry, index) =>
    [entry.plain, ...entry.terms]
      .filter((term) => normalisePhrase(term) === '')
      .map((term) => `entry ${index + 1}: term ${JSON.stringify(term)} has no letters or digits`),
  );
  if (empty.length > 0) throw new GlossaryConfigError(empty);
  return parsed.data;
}

function describeIssue(issue: z.ZodIssue): string {
  const [index, field, item] = issue.path;
  if (index === undefined) return `the entries ${issue.message}`;
  const itemName = item === undefined ? undefined : `item ${Number(item) + 1}`;
  const where = [`entry ${Number(index) + 1}`, field, itemName].filter(Boolean).join(', ');
  const message =
    issue.code === 'unrecognized_keys'
      ? `has unknown field(s) ${issue.keys.join(', ')}; use plain, terms, capitalsOnly, covers`
      : issue.message;
  return `${where}: ${message}`;
}

interface Index {
  phrases: ReadonlyMap<string, ReadonlySet<string>>;
  capitals: ReadonlyMap<string, ReadonlySet<string>>;
  /** Group key to the narrower groups a mention of it also means. */
  covers: ReadonlyMap<string, ReadonlySet<string>>;
  longest: number;
}

function findConcepts(text: string, index: Index): Concepts {
  const cleaned = cleanForSearch(text);
  const tokens = tokenise(cleaned);
  const concepts = new Map<string, string>();
  const add = (key: string, source: string) => {
    if (!concepts.has(key)) concepts.set(key, source);
  };
  for (let at = 0; at < tokens.length;) {
    const found = matchLongest(tokens, at, index);
    const source = cleaned.slice(tokens[at]?.start, tokens[at + found.length - 1]?.end);
    for (const key of found.keys) {
      add(key, source);
      for (const narrower of index.covers.get(key) ?? []) add(narrower, source);
    }
    at += found.length;
  }
  for (const token of tokens) if (!isStopWord(token)) add(`word:${token.norm}`, token.raw);
  return concepts;
}

function matchLongest(
  tokens: Token[],
  at: number,
  index: Index,
): { keys: ReadonlySet<string>; length: number } {
  for (let length = Math.min(index.longest, tokens.length - at); length >= 1; length -= 1) {
    const slice = tokens.slice(at, at + length);
    const keys =
      index.phrases.get(slice.map((token) => token.lower).join(' ')) ??
      index.phrases.get(slice.map((token) => token.norm).join(' '));
    if (keys && !(length === 1 && slice[0] && isStopWord(slice[0]))) return { keys, length };
  }
  const first = tokens[at];
  const capitalKeys = first && isAllCapitals(first.raw) ? index.capitals.get(first.lower) : undefined;
  return { keys: capitalKeys ?? new Set(), length: 1 };
}

function expand(concepts: Concepts, groups: ReadonlyMap<string, Group>): string[] {
  const terms = new Set<string>();
  for (const key of concepts.keys()) {
    const group = groups.get(key);
    if (group) group.terms.forEach((term) => terms.add(term));
    else terms.add(key.slice('word:'.length));
  }
  return [...terms];
}

const defaultGlossary = createGlossary();

/** The default glossary, for callers with no local entries. */
export function getDefaultGlossary(): Glossary {
  return defaultGlossary;
}

/** Expands text with the default glossary; see Glossary.expandTerms. */
export function expandTerms(text: string): string[] {
  return defaultGlossary.expandTerms(text);
}
