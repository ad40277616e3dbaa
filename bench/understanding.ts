import { readSentence } from '../src/domain/requestDialog/readSentence';
import { runMain } from './support/machine';
import { printFigures, printLine } from './support/output';
import { printTable } from './support/printTable';
import { FIELDS, scoreUnderstanding, type Field, type SetScore } from './understanding/scoreUnderstanding';
import { readCatalogue, readUtteranceSet } from './understanding/utteranceFixtures';

/**
 * Understanding benchmark: the deterministic reader over the first sentences in
 * test/fixtures/utterances, accuracy per field on the tuning set and, separately, on the held-out
 * set that was never used while tuning. Run: `npm run build && node dist/bench/understanding.js`.
 */
const TARGETS: Partial<Record<Field, number>> = { when: 0.95, length: 0.95, whom: 0.9, purpose: 0.85 };
const LABELS: Record<Field, string> = {
  purpose: 'purpose present or absent',
  purposeText: 'purpose text',
  objectives: 'objectives',
  whom: 'whom / what (top 3 hosts)',
  when: 'when',
  length: 'length',
  settings: 'setting wishes',
};

async function main(): Promise<void> {
  const catalogue = readCatalogue();
  const tuning = scoreUnderstanding(readUtteranceSet('tuning'), catalogue, readSentence);
  const heldOut = scoreUnderstanding(readUtteranceSet('heldout'), catalogue, readSentence);
  printFigures('understanding', {
    reader: 'deterministic',
    tuning: accuracies(tuning),
    heldOut: accuracies(heldOut),
    sentences: { tuning: tuning.sentences, heldOut: heldOut.sentences },
    heldOutTargets: TARGETS,
  });
  printLine();
  printTable(
    ['field', 'tuning', 'held-out', 'held-out target'],
    FIELDS.map((field) => [
      LABELS[field],
      describe(tuning, field),
      describe(heldOut, field),
      TARGETS[field] === undefined ? '' : `${Math.round((TARGETS[field] as number) * 100)}%`,
    ]),
  );
  printLine();
  printLine(
    `tuning misses: ${tuning.misses.map((m) => `${m.id} (${m.fields.join(', ')})`).join('; ') || 'none'}`,
  );
}

function accuracies(score: SetScore): Record<Field, number> {
  return Object.fromEntries(FIELDS.map((f) => [f, score.fields[f].accuracy])) as Record<Field, number>;
}

function describe(score: SetScore, field: Field): string {
  const { right, of } = score.fields[field];
  return `${Math.round((right / Math.max(of, 1)) * 1000) / 10}% (${right}/${of})`;
}

runMain('understanding', 60_000, main);
