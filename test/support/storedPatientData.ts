import { CONTAINERS, type ContainerName } from '../../src/store/containers';
import type { DocumentStore } from '../../src/store/documentStore';
import { foldForChecks } from '../../src/domain/text/foldForChecks';
import { PATIENT_DATA } from './patientDataCorpus';

/** The runs of digits in a text as a person reads them, whatever separators or scripts were used. */
function digitRuns(text: string): string[] {
  return foldForChecks(text)
    .split(/[^\d\s\p{Pd}\u2212._/\\\u00b7]+/u)
    .map((run) => run.replace(/\D/g, ''))
    .filter((digits) => digits.length > 0);
}

/** The digits of each corpus NHS number and date of birth. */
const SIGNATURES = [
  ...new Set(PATIENT_DATA.filter((c) => c.kind !== 'a patient identifier').flatMap((c) => digitRuns(c.text))),
].filter((digits) => digits.length >= 6);

/** Whether this text carries the digits of a corpus NHS number or date of birth. */
export function carriesPatientData(text: string): boolean {
  return digitRuns(text).some((run) => SIGNATURES.some((signature) => run.includes(signature)));
}

/**
 * Every stored string (in any container, bot turn state included) that carries the digits of a
 * corpus case: what the fault suite counts as "patient data stored".
 */
export async function findStoredPatientData(store: DocumentStore): Promise<string[]> {
  const found: string[] = [];
  for (const container of Object.keys(CONTAINERS) as ContainerName[]) {
    for (const doc of await store.query(container)) {
      for (const text of stringsIn(doc)) if (carriesPatientData(text)) found.push(`${container}/${doc.id}`);
    }
  }
  return [...new Set(found)];
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
