import type { CoverRates, GradeRate } from './coverRates';

const g = (grade: string, also: string[], bank: number, agency: number): GradeRate => ({
  grade,
  also,
  bank,
  agency,
});

/**
 * The shipped estimates; config/cover-rates.yaml holds the same figures, with how they were made,
 * for a trust to replace with its own rate card.
 */
export const DEFAULT_COVER_RATES: CoverRates = {
  source:
    'Estimates from the England pay scales for 2025/26 (Agenda for Change, NHS Employers; doctors, ' +
    'DDRB 2025 award) raised 2.5% for 2026/27; bank = basic hourly pay x 1.40 (holiday pay and ' +
    'employer on-costs); agency or locum = basic hourly pay x 1.55 (the NHS agency price cap).',
  year: '2026/27',
  tables: {
    agenda_for_change: {
      grades: [
        g('Band 2', ['Band 1'], 17.95, 19.88),
        g('Band 3', [], 18.91, 20.94),
        g('Band 4', [], 21.15, 23.42),
        g('Band 5', [], 24.58, 27.21),
        g('Band 6', [], 29.96, 33.17),
        g('Band 7', [], 36.89, 40.85),
        g('Band 8a', [], 42.92, 47.52),
        g('Band 8b', [], 50.37, 55.76),
        g('Band 8c', [], 59.92, 66.34),
        g('Band 8d', [], 71.14, 78.77),
        g('Band 9', [], 84.96, 94.06),
      ],
    },
    medical: {
      grades: [
        g('FY1', ['F1'], 26.72, 29.58),
        g('FY2', ['F2'], 30.57, 33.85),
        g('CT1', ['CT2', 'ST1', 'ST2', 'IMT1', 'IMT2', 'GPST1', 'GPST2'], 36.23, 40.11),
        g('ST3', ['CT3', 'ST4', 'ST5', 'IMT3', 'GPST3', 'StR', 'SpR', 'Registrar'], 44.75, 49.55),
        g('ST6', ['ST7', 'ST8'], 50.91, 56.36),
        g('Specialty doctor', ['SAS', 'Specialist', 'Associate specialist'], 54.3, 60.12),
        g('Consultant', [], 87.79, 97.2),
      ],
    },
  },
  staffGroups: {
    medical: { table: 'medical', defaultGrade: 'FY2' },
    nursing: { table: 'agenda_for_change', defaultGrade: 'Band 5' },
    midwifery: { table: 'agenda_for_change', defaultGrade: 'Band 6' },
    ahp: { table: 'agenda_for_change', defaultGrade: 'Band 6' },
    healthcare_science: { table: 'agenda_for_change', defaultGrade: 'Band 6' },
    pharmacy: { table: 'agenda_for_change', defaultGrade: 'Band 7' },
    management: { table: 'agenda_for_change', defaultGrade: 'Band 7' },
    admin: { table: 'agenda_for_change', defaultGrade: 'Band 3' },
    research: { table: 'agenda_for_change', defaultGrade: 'Band 6' },
    executive: { table: 'agenda_for_change', defaultGrade: 'Band 9' },
  },
  rotaCoordinators: {},
};
