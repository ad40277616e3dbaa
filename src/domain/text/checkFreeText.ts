import { stripHiddenCharacters } from './hiddenCharacters';
import { findPatientData, patientDataRefusal, type PatientDataKind } from './patientData';

export type FreeTextCheck =
  { ok: true; value: string } | { ok: false; problem: string; patientData?: PatientDataKind };

/**
 * Free text as it is stored: control and direction-override characters removed, runs of spaces
 * and tabs made one, trimmed. Line breaks are kept.
 */
export function cleanFreeText(raw: string): string {
  return stripHiddenCharacters(raw)
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * The one check for text a person types that is kept or passed on (request and offer answers,
 * decision reasons, outcomes): cleaned, within its length, and refused when it looks like it
 * holds patient data. `min` 0 makes the text optional.
 */
export function checkFreeText(
  raw: string,
  options: { label: string; min?: number; max: number },
): FreeTextCheck {
  const value = cleanFreeText(raw);
  // Patient data is named first, however short or long the text: the person must know why.
  const patientData = findPatientData(value);
  if (patientData) return { ok: false, problem: patientDataRefusal(patientData), patientData };
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
  return { ok: true, value };
}
