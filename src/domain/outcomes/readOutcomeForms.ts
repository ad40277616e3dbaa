import { checkOutcomeText } from './checkOutcomeText';
import {
  FOLLOW_ON_PLANS,
  KNOWLEDGE_TYPES,
  MAX_HOURS,
  MIN_HOURS,
  OBJECTIVE_RATINGS,
  PRACTICE_CHANGES,
  TEXT_LIMITS,
  type FollowUpAnswer,
  type HostOutcome,
  type KnowledgeType,
  type ObjectiveRating,
  type Reflection,
  type VisitorOutcome,
} from './outcomeTypes';

/** What a form sends: input ids to values, as Teams delivers them (strings, or numbers for Input.Number). */
export type FormInput = Record<string, unknown>;

export type FormRead<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Input ids shared by the cards and this reader. */
export function objectiveInputId(index: number): string {
  return `objective_${index}`;
}

/** The visitor's form. `objectiveCount` is how many objectives the request stated. */
export function readVisitorOutcome(
  input: FormInput,
  objectiveCount: number,
  at: Date,
): FormRead<VisitorOutcome> {
  const problems: string[] = [];
  const ratings: ObjectiveRating[] = [];
  for (let i = 0; i < objectiveCount; i += 1) {
    const rating = oneOf(input[objectiveInputId(i)], OBJECTIVE_RATINGS);
    if (rating) ratings.push(rating);
    else problems.push(`Objective ${i + 1}: please choose met, partly met or not met.`);
  }
  const knowledge = readKnowledge(input.knowledge);
  if (!knowledge) problems.push('What you gained: please choose from the three kinds listed.');
  const doDifferently = checkOutcomeText(
    'What you will do differently',
    input.doDifferently,
    TEXT_LIMITS.doDifferently,
    { required: true },
  );
  if (!doDifferently.ok) problems.push(doDifferently.problem);
  const wouldRecommend = readYesNo(input.wouldRecommend);
  if (wouldRecommend === undefined) problems.push('Would you recommend it: please choose yes or no.');
  const followOn = oneOf(input.followOn, FOLLOW_ON_PLANS);
  if (!followOn) problems.push('Follow-up or reciprocal visit: please choose one.');
  const hours = readHours(input.hours);
  if (hours === undefined)
    problems.push(`Hours: please give a number from ${MIN_HOURS} to ${MAX_HOURS}, for example 3.5.`);
  const reflection = readReflection(input, problems);
  if (
    problems.length > 0 ||
    !knowledge ||
    !doDifferently.ok ||
    wouldRecommend === undefined ||
    !followOn ||
    hours === undefined
  )
    return { ok: false, problems };
  return {
    ok: true,
    value: {
      ratings,
      knowledge,
      doDifferently: doDifferently.text,
      wouldRecommend,
      followOn,
      hours,
      ...(reflection ? { reflection } : {}),
      at: at.toISOString(),
    },
  };
}

export function readHostOutcome(input: FormInput, at: Date): FormRead<HostOutcome> {
  const problems: string[] = [];
  const teamGained = checkOutcomeText('What your team gained', input.teamGained, TEXT_LIMITS.teamGained, {
    required: true,
  });
  if (!teamGained.ok) problems.push(teamGained.problem);
  const wouldHostAgain = readYesNo(input.wouldHostAgain);
  if (wouldHostAgain === undefined) problems.push('Would you host again: please choose yes or no.');
  if (!teamGained.ok || wouldHostAgain === undefined) return { ok: false, problems };
  return { ok: true, value: { teamGained: teamGained.text, wouldHostAgain, at: at.toISOString() } };
}

export function readFollowUpAnswer(input: FormInput, at: Date): FormRead<FollowUpAnswer> {
  const problems: string[] = [];
  const changed = oneOf(input.changed, PRACTICE_CHANGES);
  if (!changed) problems.push('Has anything changed: please choose yes, not yet or no.');
  const detail = checkOutcomeText('What changed', input.detail, TEXT_LIMITS.followUp, { required: false });
  if (!detail.ok) problems.push(detail.problem);
  if (!changed || !detail.ok) return { ok: false, problems };
  return {
    ok: true,
    value: { changed, ...(detail.text ? { detail: detail.text } : {}), at: at.toISOString() },
  };
}

/** The reflection is optional, but once started all three parts are needed. */
function readReflection(input: FormInput, problems: string[]): Reflection | undefined {
  const parts = [
    checkOutcomeText('Reflection, What?', input.what, TEXT_LIMITS.reflection, { required: false }),
    checkOutcomeText('Reflection, So what?', input.soWhat, TEXT_LIMITS.reflection, { required: false }),
    checkOutcomeText('Reflection, Now what?', input.nowWhat, TEXT_LIMITS.reflection, { required: false }),
  ];
  const texts: string[] = [];
  for (const part of parts) {
    if (part.ok) texts.push(part.text);
    else problems.push(part.problem);
  }
  if (texts.length < 3 || texts.every((t) => t === '')) return undefined;
  if (texts.some((t) => t === '')) {
    problems.push(
      'Reflection: please answer all three parts (What? So what? Now what?), or leave all three empty.',
    );
    return undefined;
  }
  const [what = '', soWhat = '', nowWhat = ''] = texts;
  return { what, soWhat, nowWhat };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value.trim())
    ? (value.trim() as T)
    : undefined;
}

function readYesNo(value: unknown): boolean | undefined {
  if (value === true || value === 'yes') return true;
  if (value === false || value === 'no') return false;
  return undefined;
}

/** A multi-select choice set sends "a,b"; at least one kind is needed. */
function readKnowledge(value: unknown): KnowledgeType[] | undefined {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const read = items.map((item) => oneOf(item, KNOWLEDGE_TYPES));
  if (read.length === 0 || read.some((item) => item === undefined)) return undefined;
  return KNOWLEDGE_TYPES.filter((kind) => read.includes(kind));
}

function readHours(value: unknown): number | undefined {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isFinite(number) || number < MIN_HOURS || number > MAX_HOURS) return undefined;
  return Math.round(number * 4) / 4;
}
