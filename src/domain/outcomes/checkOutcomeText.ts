import { cleanFreeText } from '../text/checkFreeText';
import { findPatientData } from '../text/patientData';

export type TextCheck = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Reads one free-text answer: cleaned as all free text is, within its length, and refused when it
 * looks like it holds patient data (an NHS number, a date of birth or a patient identifier), with
 * the reason in plain words.
 */
export function checkOutcomeText(
  label: string,
  value: unknown,
  maxLength: number,
  options: { required: boolean },
): TextCheck {
  const text = typeof value === 'string' ? cleanFreeText(value.replace(/\r\n?/g, '\n')) : '';
  if (value !== undefined && typeof value !== 'string')
    return { ok: false, problem: `${label}: please type your answer as text.` };
  const found = findPatientData(text);
  if (found) {
    return {
      ok: false,
      problem: `${label}: that looks like it contains ${found}. Please never include patient details; describe what you learned without them. Nothing has been recorded.`,
    };
  }
  if (!text && options.required) return { ok: false, problem: `${label}: please fill this in.` };
  if (text.length > maxLength)
    return {
      ok: false,
      problem: `${label}: please keep it to ${maxLength} characters (it is ${text.length}).`,
    };
  return { ok: true, text };
}
