/** Verbs that name something to learn: "to learn how ...", "so I understand ...". */
const KNOW =
  'learn|understand|know|find out|get (?:a |an |some |more |a better |a real )?(?:feel|idea|sense|understanding|insight|overview|picture|appreciation)|gain (?:an? )?(?:understanding|insight|experience|appreciation)|appreciate|discover|explore';
/** Verbs of seeing: a learning aim when followed by "how", "what" and the like, or after "to" when not the request itself. */
const SEE = 'see|watch|observe|hear|experience';
const WH =
  "how|what|why|where|when|who|whether|if|first[- ]hand|for myself|the way|the difference|the impact|what's";
/** Other aims that are a purpose but not something to learn: "to prepare for my rotation". */
const OTHER_AIMS =
  'prepare|improve|develop|build|broaden|refresh|plan|do better|be able|become|help me|support|compare';

const PURPOSE_STARTS: RegExp[] = [
  new RegExp(`\\b(?:in order )?to (?:${KNOW})\\b`, 'g'),
  new RegExp(`\\b(?:${SEE})\\s+(?=${WH}\\b)`, 'g'),
  new RegExp(`\\bto (?:${SEE})\\b(?!\\s+(?:${WH})\\b)`, 'g'),
  new RegExp(`\\bto (?:${OTHER_AIMS})\\b`, 'g'),
  /\b(?:interested in|keen on|hoping to|looking to)\s+(?=learning|understanding|seeing how|finding out)/g,
  /\b(?:because|cos|coz|since|as part of|as i|as we|as my|as our|for my|for our)\b/g,
  /\bso (?:that )?(?:i|we)\b(?! (?:was|were)\b)/g,
];

/** A request verb just before: "I'd like to see the cath lab" is what to see, not why. */
const REQUEST_BEFORE =
  /(?:like|love|want(?:ing)?|wanted|possible|able|hoping|keen|chance|allowed|wish|need|ask(?:ing)?|going|(?:can|could|may) (?:i|we)|please)\s*$/;

/** A sentence about the speaker's situation: "I'm a practice nurse and get lots of questions about ...". */
const CONTEXT: RegExp[] = [
  /^(?:i'?m|i am|im)\s+(?:an?\s+|the\s+)?[^,;]{1,40}?\s+and\s+(?!(?:i|i'd|id|i'm|would|want|wanting|keen|hoping|could|can|wondered|was|am|will)\b)(.+)$/,
  /\b((?:i\s+)?(?:have|'ve)\s+never\s+(?:actually\s+|really\s+)?(?:seen|been|done|visited|worked|watched)\b.*)$/,
  /^((?:i'?m|i am|im)\s+(?:doing|on|studying|taking|completing|starting|undertaking|writing|working on|setting up|moving|joining|leading|new to|about to)\b.*)$/,
];

/** Where a purpose ends: the end of the sentence, a comma, or "but". */
const CLAUSE_END = /,|\bbut\b|\s[-–—]\s|\(|\bplease\b/;

export interface PurposeReading {
  purpose?: string;
  objectives?: string[];
  /** The clauses as written, so other readers can leave them out. */
  clauses?: string[];
}

/**
 * Why someone wants to go, and what they want to learn, from clauses such as "to learn how ...",
 * "because ...", "so that ...", "I want to know how ...", or a sentence about their situation.
 * The purpose keeps their words; each objective is a learning aim starting with its verb.
 */
export function readPurpose(text: string): PurposeReading {
  const clauses = splitSentences(text).flatMap(purposeClauses);
  if (clauses.length === 0) return {};
  const objectives = clauses.flatMap(objectivesOf);
  return {
    purpose: clauses.map(tidyPurpose).join('; '),
    ...(objectives.length > 0 ? { objectives } : {}),
    clauses,
  };
}

function splitSentences(text: string): string[] {
  return text
    .replace(/[’‘]/g, "'")
    .split(/(?<=[.!?])\s+|[\r\n]+|\s[-–—]\s|\s*:\s+/)
    .map((s) => s.trim().replace(/[.!?]+$/, ''))
    .filter(Boolean);
}

function purposeClauses(sentence: string): string[] {
  const lower = sentence.toLowerCase();
  const starts = PURPOSE_STARTS.flatMap((pattern) =>
    [...lower.matchAll(pattern)].map((m) => m.index ?? 0).filter((at) => !isRequestVerb(lower, at)),
  );
  if (starts.length > 0) {
    const at = Math.min(...starts);
    const rest = sentence.slice(at);
    const end = rest.slice(1).search(CLAUSE_END);
    return [end >= 0 ? rest.slice(0, end + 1) : rest].map((c) => c.trim()).filter((c) => c.length > 3);
  }
  for (const pattern of CONTEXT) {
    const match = pattern.exec(lower);
    if (match) return [sentence.slice(lower.length - (match[1] as string).length).trim()];
  }
  return [];
}

/** "to see the cath lab" straight after "I'd like" is the visit itself. */
function isRequestVerb(lower: string, at: number): boolean {
  const words = lower.slice(at);
  if (!/^to (?:see|watch|observe|hear|experience)\b/.test(words)) return false;
  return REQUEST_BEFORE.test(lower.slice(0, at));
}

const OBJECTIVE = new RegExp(
  `(?:(?:\\bto|\\bcan|\\bcould|\\bso (?:that )?(?:i|we)|\\band|\\bi want to|learning|understanding)\\s+|^)((?:${KNOW})\\b|(?:${SEE})\\s+(?=(?:${WH})\\b)|(?<=\\bto\\s)(?:${SEE})\\b)`,
  'g',
);
const NEXT_AIM = new RegExp(`\\s+and\\s+(?=(?:${KNOW}|${SEE})\\b)`);

/** The learning aims in a purpose clause, each from its verb: "see a board round", "learn how ...". */
function objectivesOf(clause: string): string[] {
  const lower = clause.toLowerCase();
  const first = [...lower.matchAll(OBJECTIVE)].find((m) => m[1] !== undefined);
  if (!first) return [];
  const at = (first.index ?? 0) + first[0].length - (first[1] as string).length;
  return clause
    .slice(at)
    .split(NEXT_AIM)
    .map((aim) => capitalise(aim.trim()))
    .filter((aim) => aim.length > 3);
}

function tidyPurpose(clause: string): string {
  const text = clause
    .replace(/^(?:because|cos|coz|since|as)\s+/i, '')
    .replace(/^(?:interested in|keen on)\s+/i, '');
  return capitalise(text.trim());
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
