/**
 * Pay grades as a directory records them: Agenda for Change bands (`Band 2` ... `Band 9`, with
 * `Band 8a` to `Band 8d`) and doctors' grades (FY1, ST4, Consultant, ...). A grade is kept in one
 * written form so that rates and reports can group by it.
 */
export type GradeKind = 'agenda_for_change' | 'doctor';

export interface Grade {
  /** The grade in its one written form: `Band 5`, `Band 8a`, `FY1`, `ST4`, `Consultant`. */
  name: string;
  kind: GradeKind;
}

const NAMED_DOCTOR_GRADES: Record<string, string> = {
  consultant: 'Consultant',
  'specialty doctor': 'Specialty doctor',
  'speciality doctor': 'Specialty doctor',
  specialist: 'Specialist',
  'associate specialist': 'Associate specialist',
  'specialty registrar': 'StR',
  str: 'StR',
  spr: 'SpR',
  registrar: 'Registrar',
  'clinical fellow': 'Clinical fellow',
  'trust grade': 'Trust grade',
  'locally employed doctor': 'Locally employed doctor',
};

/** Numbered training grades: prefix written as it is kept, and the highest year. */
const TRAINING_GRADES: ReadonlyArray<{ pattern: RegExp; prefix: string; highest: number }> = [
  { pattern: /^(?:fy|f|foundation year|foundation)\s*([0-9]+)$/, prefix: 'FY', highest: 2 },
  { pattern: /^(?:ct|core trainee|core training)\s*([0-9]+)$/, prefix: 'CT', highest: 3 },
  { pattern: /^(?:imt|internal medicine trainee)\s*([0-9]+)$/, prefix: 'IMT', highest: 3 },
  { pattern: /^(?:gpst|gp st|gp specialty trainee)\s*([0-9]+)$/, prefix: 'GPST', highest: 3 },
  { pattern: /^(?:st|specialty trainee|specialty registrar st)\s*([0-9]+)$/, prefix: 'ST', highest: 8 },
];

/** What the import's error message offers as examples of grades it reads. */
export const GRADE_EXAMPLES =
  'an Agenda for Change band (Band 2 to Band 9, Band 8a to 8d) or a doctor’s grade ' +
  '(FY1, FY2, CT1-3, IMT1-3, GPST1-3, ST1-8, StR, SpR, Registrar, Specialty doctor, Specialist, ' +
  'Associate specialist, Consultant, Clinical fellow)';

/**
 * Reads a grade in any common spelling ("band 5", "AfC Band 8A", "F1", "ST 4", "consultant"),
 * or undefined when it is not one the bot knows.
 */
export function readGrade(text: string): Grade | undefined {
  const words = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const band = /^(?:afc )?(?:band|b) ?([1-9]|8 ?[a-d])$/.exec(words);
  if (band?.[1]) return { name: `Band ${band[1].replace(' ', '')}`, kind: 'agenda_for_change' };
  const named = NAMED_DOCTOR_GRADES[words];
  if (named) return { name: named, kind: 'doctor' };
  for (const { pattern, prefix, highest } of TRAINING_GRADES) {
    const year = Number(pattern.exec(words)?.[1]);
    if (year >= 1 && year <= highest) return { name: `${prefix}${year}`, kind: 'doctor' };
  }
  return undefined;
}
