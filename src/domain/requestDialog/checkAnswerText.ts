import { stripHiddenCharacters } from '../text/hiddenCharacters';
import { findPatientIdentifier, patientDataRefusal } from '../text/patientData';

export type TextCheck = { ok: true; value: string } | { ok: false; problem: string };

/** Cleans a free-text answer and checks its length and that it holds no patient data. */
export function checkAnswerText(
  raw: string,
  options: { label: string; min?: number; max: number },
): TextCheck {
  const value = stripHiddenCharacters(raw)
    .replace(/[ \t]+/g, ' ')
    .trim();
  const min = options.min ?? 1;
  if (value.length < min) {
    return {
      ok: false,
      problem:
        min > 1
          ? `Please write a little more about ${options.label} (at least ${min} characters).`
          : `Please tell me ${options.label}.`,
    };
  }
  if (value.length > options.max) {
    return {
      ok: false,
      problem: `That is ${value.length} characters; please keep ${options.label} under ${options.max}.`,
    };
  }
  const patient = findPatientIdentifier(value);
  if (patient) return { ok: false, problem: patientDataRefusal(patient) };
  return { ok: true, value };
}

/** Splits learning objectives written as lines, a numbered or bulleted list, or separated by ";". */
export function splitObjectives(value: string): string[] {
  return value
    .split(/\r?\n|;/)
    .map((part) => part.replace(/^\s*(?:\d+[.)]|[-*•])\s+/, '').trim())
    .filter((part) => part.length > 0);
}
