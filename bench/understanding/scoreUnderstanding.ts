import type { HostOffer } from '../../src/domain/offers';
import type { Person } from '../../src/domain/people';
import type { SentenceReading } from '../../src/domain/requestDialog/readSentence';
import { hostSearchQuery } from '../../src/domain/requestDialog/hostSearchQuery';
import { rankOffers } from '../../src/domain/search/rankOffers';
import type { Utterance, UtteranceSet } from './utteranceFixtures';

export const FIELDS = ['purpose', 'purposeText', 'objectives', 'whom', 'when', 'length', 'settings'] as const;
export type Field = (typeof FIELDS)[number];

export type Reader = (sentence: string, now: Date) => SentenceReading;

export interface FieldScore {
  right: number;
  of: number;
  /** right / of, to three places; 1 when nothing was scored. */
  accuracy: number;
}

export interface SetScore {
  sentences: number;
  fields: Record<Field, FieldScore>;
  /** Per sentence, the fields read wrongly, for looking into (tuning set only). */
  misses: Array<{ id: string; fields: Field[] }>;
}

/** The top hosts counted for whom / what. */
export const TOP_HOSTS = 3;

/** Scores a reader against one set: the share right for each field. */
export function scoreUnderstanding(
  set: UtteranceSet,
  catalogue: readonly HostOffer[],
  read: Reader,
): SetScore {
  const tally = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, of: 0 }])) as Record<
    Field,
    { right: number; of: number }
  >;
  const misses: SetScore['misses'] = [];
  for (const utterance of set.utterances) {
    const reading = read(utterance.sentence, set.today);
    const judged = judge(utterance, reading, catalogue);
    const wrong: Field[] = [];
    for (const field of FIELDS) {
      const verdict = judged[field];
      if (verdict === undefined) continue;
      tally[field].of += 1;
      if (verdict) tally[field].right += 1;
      else wrong.push(field);
    }
    if (wrong.length > 0) misses.push({ id: utterance.id, fields: wrong });
  }
  const fields = Object.fromEntries(
    FIELDS.map((f) => {
      const { right, of } = tally[f];
      return [f, { right, of, accuracy: of === 0 ? 1 : Math.round((right / of) * 1000) / 1000 }];
    }),
  ) as Record<Field, FieldScore>;
  return { sentences: set.utterances.length, fields, misses };
}

/** Whether each field was read right; undefined where the field is not scored for this sentence. */
export function judge(
  expected: Utterance,
  reading: SentenceReading,
  catalogue: readonly HostOffer[],
): Record<Field, boolean | undefined> {
  return {
    purpose: (expected.purpose !== null) === Boolean(reading.purpose),
    purposeText: expected.purpose === null ? undefined : contains(reading.purpose ?? '', expected.purpose),
    objectives: judgeObjectives(expected.objectives, reading.objectives ?? []),
    whom: judgeWhom(expected, reading, catalogue),
    when: sameJson(expected.when, reading.window ? normaliseWindow(reading.window) : null),
    length: expected.length === lengthOf(reading),
    settings: sameJson(normaliseSettings(expected.settings), settingsOf(reading)),
  };
}

function judgeObjectives(expected: string[], read: string[]): boolean {
  if (expected.length === 0) return read.length === 0;
  return expected.every((phrase) => read.some((objective) => contains(objective, phrase)));
}

function judgeWhom(expected: Utterance, reading: SentenceReading, catalogue: readonly HostOffer[]): boolean {
  if (expected.whom === null) return reading.what === undefined;
  if (reading.what === undefined) return false;
  const visitor: Person = {
    id: 'visitor',
    email: 'visitor@example.nhs.uk',
    name: 'Visitor',
    jobTitle: '',
    department: '',
    profession: expected.from,
    roles: ['staff'],
  };
  const top = rankOffers({ offers: catalogue, visitor, query: hostSearchQuery(reading), limit: TOP_HOSTS });
  return top.some(({ offer }) => expected.whom?.includes(offer.id));
}

function lengthOf(reading: SentenceReading): string | null {
  if (!reading.length) return null;
  if (reading.length === 'custom')
    return reading.customTimes ? `${reading.customTimes.start}-${reading.customTimes.end}` : null;
  return reading.length;
}

function normaliseWindow(window: NonNullable<SentenceReading['window']>): Utterance['when'] {
  return {
    from: window.from,
    to: window.to,
    ...(window.weekdays?.length ? { weekdays: [...window.weekdays].sort() } : {}),
  };
}

type SettingsWish = { any: true } | { only: string[] } | { not: string[] } | null;

function normaliseSettings(expected: Utterance['settings']): SettingsWish {
  if (expected === null) return null;
  if (expected === 'any') return { any: true };
  if ('only' in expected) return { only: [...expected.only].sort() };
  return { not: [...expected.not].sort() };
}

function settingsOf(reading: SentenceReading): SettingsWish {
  if (reading.settings?.length) return { only: [...reading.settings].sort() };
  if (reading.avoidSettings?.length) return { not: [...reading.avoidSettings].sort() };
  if (reading.settings) return { any: true };
  return null;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortWeekdays(a)) === JSON.stringify(sortWeekdays(b));
}

function sortWeekdays(value: unknown): unknown {
  if (value && typeof value === 'object' && 'weekdays' in value && Array.isArray(value.weekdays))
    return { ...value, weekdays: [...value.weekdays].sort() };
  return value;
}

/** Case, apostrophes and punctuation ignored. */
export function contains(text: string, phrase: string): boolean {
  const plain = (s: string) =>
    s
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return ` ${plain(text)} `.includes(` ${plain(phrase)} `);
}
