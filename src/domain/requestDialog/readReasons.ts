import { checkFreeText, type FreeTextCheck } from '../text/checkFreeText';
import { splitObjectives } from './splitObjectives';
import { readPurpose } from './readPurpose';

export const REASON_LIMITS = { purpose: 500, objectives: 1000, objectiveCount: 5, objective: 300 } as const;

export type ReasonsReading = { purpose: string; objectives?: string[] } | { problem: string };

/**
 * Why someone wants to go and what they want to learn, typed as one answer: a list ("To
 * understand delays; See a board round; Learn how discharges are planned") is the purpose then
 * the objectives; one sentence is the purpose, with any learning aims in it as objectives
 * ("I want to understand why discharges get delayed"). Objectives may still be missing.
 */
export function readReasons(text: string): ReasonsReading {
  const checked = checkFreeText(text.replace(/\r/g, ''), {
    label: 'why you want to go',
    min: 10,
    max: REASON_LIMITS.purpose + REASON_LIMITS.objectives,
  });
  if (!checked.ok) return { problem: checked.problem };
  const items = splitObjectives(text);
  if (items.length >= 2) {
    const purpose = checkPurpose(items[0] as string);
    if (!purpose.ok) return { problem: purpose.problem };
    const objectives = checkObjectives(items.slice(1).join('\n'));
    return 'problem' in objectives
      ? objectives
      : { purpose: purpose.value, objectives: objectives.objectives };
  }
  const purpose = checkPurpose(checked.value);
  if (!purpose.ok) return { problem: purpose.problem };
  const aims = readPurpose(checked.value).objectives;
  return { purpose: purpose.value, ...(aims?.length ? { objectives: aims } : {}) };
}

export function checkPurpose(text: string): FreeTextCheck {
  return checkFreeText(text, { label: 'why you want to go', min: 10, max: REASON_LIMITS.purpose });
}

/** Learning objectives written as lines, a numbered or bulleted list, or separated by ";". */
export function checkObjectives(value: string): { objectives: string[] } | { problem: string } {
  const checked = checkFreeText(value.replace(/\r/g, ''), {
    label: 'what you want to learn',
    min: 10,
    max: REASON_LIMITS.objectives,
  });
  if (!checked.ok) return { problem: checked.problem };
  const objectives = splitObjectives(value).map((o) =>
    checkFreeText(o, { label: 'each objective', max: REASON_LIMITS.objective }),
  );
  const bad = objectives.find((o) => !o.ok);
  if (bad && !bad.ok) return { problem: bad.problem };
  const list = objectives.flatMap((o) => (o.ok ? [o.value] : []));
  if (list.length > REASON_LIMITS.objectiveCount)
    return {
      problem: `Please pick your ${REASON_LIMITS.objectiveCount} most important objectives; you gave ${list.length}.`,
    };
  return { objectives: list };
}
