import type { Profession } from '../people';

/** What one hour of backfill costs for one grade: from the trust's own bank, or an agency or locum. */
export interface GradeRate {
  /** The grade as people write it: "Band 5", "FY1", "Consultant". */
  grade: string;
  /** Other ways the directory may write the same grade ("F1", "ST3", "ST4" ...). */
  also: readonly string[];
  /** Pounds an hour, bank cover. */
  bank: number;
  /** Pounds an hour, agency or locum cover. */
  agency: number;
}

/** Rates for the grades of one pay scale (Agenda for Change, medical). */
export interface RateTable {
  grades: readonly GradeRate[];
}

/**
 * Estimated backfill rates per staff group and grade. Estimates only: the figures, their source and
 * year come from a settings file (config/cover-rates.yaml is the shipped one) a trust can replace
 * with its own rate card.
 */
export interface CoverRates {
  /** Where the figures come from, and for which year. */
  source: string;
  year: string;
  tables: Readonly<Record<string, RateTable>>;
  /** Each staff group's table, and the grade assumed when a person's grade is not known. */
  staffGroups: Readonly<Record<Profession, { table: string; defaultGrade: string }>>;
  /** Rota coordinators named for departments (department name -> email), before anyone's own. */
  rotaCoordinators: Readonly<Record<string, string>>;
}

/** The rate used for one person: their grade's, or the staff group's usual grade when theirs is not known. */
export interface ChosenRate extends GradeRate {
  /** True when the person's grade was not known or not in the table, so `grade` was assumed. */
  assumed: boolean;
}

/** "Band 5", "band5", "BAND-5" all read the same; so do "FY1" and "fy 1". */
export function gradeKey(grade: string): string {
  return grade.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The rate for a person's staff group and grade, undefined only if the settings lack the group's table. */
export function rateFor(
  rates: CoverRates,
  profession: Profession,
  grade: string | undefined,
): ChosenRate | undefined {
  const group = rates.staffGroups[profession];
  const table = group ? rates.tables[group.table] : undefined;
  if (!group || !table) return undefined;
  const find = (wanted: string) =>
    table.grades.find((g) => [g.grade, ...g.also].some((name) => gradeKey(name) === gradeKey(wanted)));
  const own = grade ? find(grade) : undefined;
  if (own) return { ...own, assumed: false };
  const usual = find(group.defaultGrade);
  return usual ? { ...usual, assumed: true } : undefined;
}
