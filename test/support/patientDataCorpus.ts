import corpus from '../fixtures/patient-data.json';

export interface PatientDataCase {
  name: string;
  text: string;
  kind: 'an NHS number' | 'a date of birth' | 'a patient identifier';
}

/** Text that holds patient data, in every form the check must see through. */
export const PATIENT_DATA: PatientDataCase[] = corpus.refused as PatientDataCase[];
/** Ordinary text with numbers and dates in it, which must not be refused. */
export const ORDINARY_TEXT: Array<{ name: string; text: string }> = corpus.allowed;
