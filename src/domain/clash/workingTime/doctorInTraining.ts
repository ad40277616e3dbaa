/** "ST1-8" stands for ST1, ST2 ... ST8; any other entry stands for itself. */
function expandRange(entry: string): string[] {
  const range = /^([A-Za-z]+)(\d+)-(\d+)$/.exec(entry.trim());
  if (!range) return [entry];
  const [prefix, first, last] = [range[1] as string, Number(range[2]), Number(range[3])];
  if (last < first || last - first > 20) return [entry];
  return Array.from({ length: last - first + 1 }, (_, i) => `${prefix}${first + i}`);
}

/** Lower-case words of a text, split at anything that is not a letter or a digit. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= words.length; i += 1) {
    if (phrase.every((word, j) => words[i + j] === word)) return true;
  }
  return false;
}

/**
 * True when a job title names a doctor in training: one of the listed words or phrases appears as
 * whole words, in any case ("ST4 Registrar", "Foundation Year 1 doctor", "Resident Doctor (FY2)").
 * "Staff nurse" does not match "StR", nor "Stroke" "ST".
 */
export function isDoctorInTraining(jobTitle: string, listedWords: readonly string[]): boolean {
  const words = wordsOf(jobTitle);
  return phrasesOf(listedWords).some((phrase) => containsPhrase(words, phrase));
}

/** Each list's phrases, as words, worked out once per list (the settings' list is read on every clash check). */
const listedPhrases = new WeakMap<readonly string[], ReadonlyArray<readonly string[]>>();

function phrasesOf(listedWords: readonly string[]): ReadonlyArray<readonly string[]> {
  let phrases = listedPhrases.get(listedWords);
  if (!phrases) {
    phrases = listedWords.flatMap(expandRange).map(wordsOf);
    listedPhrases.set(listedWords, phrases);
  }
  return phrases;
}
