import { z } from 'zod';
import { SETTINGS } from '../offers';
import { findPatientData } from '../text/patientData';
import { parseWhen } from './parseWhen';
import { readSentence, type SentenceReading } from './readSentence';
import { MAX_SENTENCE } from './sentenceLimits';

/**
 * A language model that reads a sentence: given the person's words, the raw text it answered
 * (meant to be one JSON object), or undefined when it failed or refused. Optional: without one,
 * or when it fails, the deterministic reader is used.
 */
export interface SentenceModel {
  read(text: string): Promise<string | undefined>;
  /** Told how each reading went (for the log: never the text). */
  noteOutcome?(outcome: ModelOutcome): void;
}

/** Timers, injected so tests can run out the time limit without waiting. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** How long the model may take before the deterministic reading is used. */
export const MODEL_TIME_LIMIT_MS = 2000;

/** What the model must answer: every field optional, nothing else allowed. */
export const MODEL_ANSWER = z
  .object({
    what: z.string().trim().min(1).max(200).nullable().optional(),
    purpose: z.string().trim().min(1).max(500).nullable().optional(),
    objectives: z.array(z.string().trim().min(1).max(300)).max(5).optional(),
    when: z.string().trim().min(1).max(100).nullable().optional(),
    length: z.enum(['am', 'pm', 'full_day']).nullable().optional(),
    only_settings: z.array(z.enum(SETTINGS)).optional(),
    avoid_settings: z.array(z.enum(SETTINGS)).optional(),
  })
  .strict();
export type ModelAnswer = z.infer<typeof MODEL_ANSWER>;

export type ModelOutcome = 'used' | 'not_configured' | 'not_sent' | 'failed' | 'invalid' | 'timed_out';

/**
 * Reads a sentence with the deterministic reader and, when a model is configured, with the model
 * too: its answer, checked against MODEL_ANSWER and against the person's own words, is used
 * where it says something, and the deterministic reading fills the rest. Text that looks like
 * patient data, or is too long, is never sent. Dates are always worked out here, in
 * Europe/London, from the words the model points to. Any failure, refusal, malformed answer or
 * an answer slower than the time limit leaves the deterministic reading as it is.
 */
export async function readWithModel(
  text: string,
  now: Date,
  model: SentenceModel | undefined,
  timers: Timers = REAL_TIMERS,
): Promise<{ reading: SentenceReading; outcome: ModelOutcome }> {
  const reading = readSentence(text, now);
  if (!model) return { reading, outcome: 'not_configured' };
  const result = await askModel(text, reading, now, model, timers);
  model.noteOutcome?.(result.outcome);
  return result;
}

async function askModel(
  text: string,
  reading: SentenceReading,
  now: Date,
  model: SentenceModel,
  timers: Timers,
): Promise<{ reading: SentenceReading; outcome: ModelOutcome }> {
  if (findPatientData(text) || text.length > MAX_SENTENCE) return { reading, outcome: 'not_sent' };
  const raw = await withinTimeLimit(model.read(text), timers);
  if (raw === 'timed_out') return { reading, outcome: 'timed_out' };
  if (raw === undefined) return { reading, outcome: 'failed' };
  const answer = checkAnswer(raw, text);
  if (!answer) return { reading, outcome: 'invalid' };
  return { reading: mergeReadings(reading, answer, now), outcome: 'used' };
}

async function withinTimeLimit(
  read: Promise<string | undefined>,
  timers: Timers,
): Promise<string | undefined | 'timed_out'> {
  let handle: unknown;
  const limit = new Promise<'timed_out'>((resolve) => {
    handle = timers.setTimeout(() => resolve('timed_out'), MODEL_TIME_LIMIT_MS);
  });
  try {
    return await Promise.race([read.catch(() => undefined), limit]);
  } finally {
    timers.clearTimeout(handle);
  }
}

/** The model's answer, if it is the JSON asked for and everything it quotes is in the person's words. */
export function checkAnswer(raw: string, text: string): ModelAnswer | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    return undefined;
  }
  const parsed = MODEL_ANSWER.safeParse(json);
  if (!parsed.success) return undefined;
  const answer = parsed.data;
  const said = plain(text);
  const quoted = [answer.what, answer.purpose, answer.when].filter((v): v is string => Boolean(v));
  if (!quoted.every((phrase) => said.includes(plain(phrase)))) return undefined;
  const words = new Set(said.split(' '));
  const madeUp = (answer.objectives ?? []).some((objective) =>
    plain(objective)
      .split(' ')
      .slice(1)
      .some((word) => word.length >= 4 && !words.has(word)),
  );
  return madeUp ? undefined : answer;
}

/** The model's answer where it gave one, the deterministic reading elsewhere; dates resolved here. */
export function mergeReadings(reading: SentenceReading, answer: ModelAnswer, now: Date): SentenceReading {
  const merged: SentenceReading = { ...reading };
  if (answer.what) merged.what = answer.what;
  if (answer.purpose) merged.purpose = answer.purpose;
  if (answer.objectives?.length) merged.objectives = answer.objectives.map(capitalise);
  if (answer.when) {
    const when = parseWhen(answer.when, now);
    if (when.ok) {
      merged.window = when.window;
      delete merged.whenProblem;
    }
  }
  if (answer.length) {
    merged.length = answer.length;
    delete merged.customTimes;
  }
  if (answer.only_settings?.length) {
    merged.settings = answer.only_settings;
    delete merged.avoidSettings;
  } else if (answer.avoid_settings?.length) {
    merged.avoidSettings = answer.avoid_settings;
    delete merged.settings;
  }
  return merged;
}

function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
