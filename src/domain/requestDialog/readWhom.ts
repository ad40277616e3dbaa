import { getDefaultGlossary, type Glossary } from '../search/glossary';
import { isDateWord } from './when/dateWords';

/** Words that lead into whom or what someone wants to see, strongest first. */
const STRONG_MARKERS =
  /\b(?:with|shadow(?:ing)?|shadw|visit(?:ing)?|join(?:ing)?|observe|observing|sit (?:in )?(?:on|with)|sitting in (?:on|with)|listen in (?:at|on|to)|go (?:out )?with|(?:go|come|get|pop|head)(?: down| over| along| up| across)? to|see|watch|spend (?:some )?time (?:with|in|on|at))\s+/gi;
const WEAK_MARKERS = /\b(?:in|on|at|into)\s+/gi;

/** Where the named thing ends: punctuation, a reason, a time or a request for something else. */
const STOPS =
  /[,.;!?:()]|\s[-–—]\s|\b(?:to|so|because|as|since|but|before|after|between|during|for|please|pls|if|when|where|who|that|which|and (?:i|we|want|would|can|could|see|learn)|next|this|tomorrow|today|any|some ?time|mid|early|late|end of|would|could|can|is|are|was|be|do|does|week commencing|wk|on (?:a|an|the|my|their)?\s*\d)\b|\bw\/[cb]\b|\b\d/i;

/** Words that are not yet whom or what: "someone", "a clinic", "the team". */
const GENERIC = new Set([
  'someone',
  'somebody',
  'anyone',
  'people',
  'team',
  'clinic',
  'unit',
  'list',
  'shift',
  'session',
  'meeting',
  'service',
  'side',
  'group:outpatient clinic',
  'group:inpatient ward',
]);

/** Speakers saying who they are: "I'm a physio and ...", "FY1 here", "Pharmacist - ...". */
const SELF: RegExp[] = [
  /\b(?:i'?m|i am|im)\s+(?!(?:looking|hoping|keen|interested|thinking|doing|setting|wanting|trying|planning|going|starting|moving|about|not|just|also|really|very|happy|free|available|able|writing|wondering|after|on (?:leave|nights))\b)[^.,;!?]*?(?=\s+and\b|\s[-–—]\s|[.,;!?]|$)/gi,
  /^\s*[^.,;!?]{1,40}?\s+here\b/i,
  /^\s*(?:i\s+)?work(?:s|ing)?\s+(?:in|on|at|for)\s+[^.,;!?]*?(?=\s+and\b|\s[-–—]\s|[.,;!?]|$)/i,
];
const LEADING_ROLE =
  /^\s*([^.,;:!?\-–—]{2,40}?)\s*(?:[.,:;\-–—]\s|\s+(?=(?:wanting|looking|interested|keen|hoping|seeking|would)\b))/i;
const NOT_A_ROLE =
  /^(?:i|id|i'd|im|i'm|can|could|would|may|any|a|an|the|only|not|no|next|this|please|hi|hello|dear|looking|is|are|will|how|what|when|where|why|who|want|wanting|shadow|spend|visit|keen|tomorrow|today)\b/i;
const REQUEST_VERB =
  /\b(?:shadow|shadowing|spend|spending|visit|see|join|go|sit|observe|watch|like|want|please|love)\b/i;

export interface WhomOptions {
  glossary?: Glossary;
  /** Text to leave out, such as setting wishes ("only clinics"). */
  ignore?: string[];
  /** Text that names whom or what only as a last resort, such as the purpose ("to learn about D2A"). */
  aside?: string[];
}

/**
 * Whom or what someone wants to shadow, in their words: "the discharge team", "a pharmacist",
 * "ICU". Their own role ("I'm a physio", "FY1 here") is left out. When no phrase names it, the
 * glossary terms found anywhere ("to learn about D2A") stand for it. Undefined when nothing does.
 */
export function readWhom(text: string, options: WhomOptions = {}): string | undefined {
  const glossary = options.glossary ?? getDefaultGlossary();
  const plain = blank(withoutSelf(text), options.ignore ?? []);
  const best = candidates(blank(plain, options.aside ?? []), glossary).sort(
    (a, b) => b.score - a.score || a.at - b.at,
  )[0];
  if (best && best.score > 0) return best.text;
  const terms = [...glossary.analyse(plain)]
    .filter(([key]) => key.startsWith('group:') && !GENERIC.has(key))
    .map(([, source]) => source);
  const unique = [...new Set(terms)];
  return unique.length > 0 ? unique.join(', ') : undefined;
}

function withoutSelf(text: string): string {
  let result = text;
  for (const pattern of SELF) result = result.replace(pattern, (m) => ' '.repeat(m.length));
  const role = LEADING_ROLE.exec(result);
  if (role && !NOT_A_ROLE.test((role[1] as string).trim()) && !REQUEST_VERB.test(role[1] as string)) {
    const words = (role[1] as string).trim().split(/\s+/).length;
    if (words <= 5)
      result =
        ' '.repeat((role[1] as string).length + (role.index ?? 0)) +
        result.slice((role[1] as string).length + (role.index ?? 0));
  }
  return result;
}

function blank(text: string, phrases: string[]): string {
  let result = text;
  for (const phrase of phrases) {
    const at = result.toLowerCase().indexOf(phrase.toLowerCase());
    if (at >= 0) result = result.slice(0, at) + ' '.repeat(phrase.length) + result.slice(at + phrase.length);
  }
  return result;
}

interface Candidate {
  text: string;
  at: number;
  score: number;
}

function candidates(text: string, glossary: Glossary): Candidate[] {
  const found: Candidate[] = [];
  for (const [pattern, weight] of [
    [STRONG_MARKERS, 1],
    [WEAK_MARKERS, 0],
  ] as const) {
    for (const match of text.matchAll(pattern)) {
      const at = (match.index ?? 0) + match[0].length;
      const phrase = cleanPhrase(cutAtStop(text.slice(at)));
      if (!phrase) continue;
      const corrected = glossary.correctSpelling(phrase);
      const specific = [...glossary.analyse(corrected).keys()].filter(
        (key) => !GENERIC.has(key) && !GENERIC.has(key.replace(/^word:/, '')),
      );
      const groups = specific.filter((key) => key.startsWith('group:')).length;
      const score = specific.length === 0 ? 0 : groups * 3 + (specific.length - groups) + weight * 2;
      found.push({ text: corrected, at, score });
    }
  }
  return found;
}

/** How far off a date word is, left behind once the date word is cut: "in two (weeks)", "in a couple of (days)". */
const HOW_FAR =
  /\s+(?:(?:in|within|over)\s+)?(?:a couple of|a few|couple of|few|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s*$/i;

function cutAtStop(rest: string): string {
  const words = rest.split(/(\s+)/);
  let kept = '';
  for (const word of words) {
    if (isDateWord(word.replace(/[^a-z]/gi, '').toLowerCase())) {
      kept = kept.replace(HOW_FAR, '');
      break;
    }
    kept += word;
  }
  const stop = kept.search(STOPS);
  return stop >= 0 ? kept.slice(0, stop) : kept;
}

function cleanPhrase(phrase: string): string | undefined {
  const cleaned = phrase
    .replace(/^\s*(?:the|a|an|some|one of (?:the|your)|a member of the|members of the|any of the)\s+/i, '')
    .replace(/(?:\s+(?:on|in|at|of|the|a|an|with|from|by))+\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length >= 2 && cleaned.length <= 200 ? cleaned : undefined;
}
