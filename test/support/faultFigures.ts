import { appendFileSync } from 'node:fs';

/** The fault suite's figures: what was tried and what went wrong, counted where the tests look. */
export const FIGURES = [
  'attempts',
  'serverErrors',
  'wrongStateChanges',
  'messagesLost',
  'patientDataStored',
] as const;
export type Figure = (typeof FIGURES)[number];

const totals: Record<Figure, number> = Object.fromEntries(FIGURES.map((f) => [f, 0])) as Record<
  Figure,
  number
>;
const checks: Record<Figure, number> = Object.fromEntries(FIGURES.map((f) => [f, 0])) as Record<
  Figure,
  number
>;

/** Adds what one check found (0 when all was well), so a figure counts real observations. */
export function countFigure(figure: Figure, found: number): void {
  totals[figure] += found;
  checks[figure] += 1;
}

/** One HTTP answer from the bot: an attempt, and a server error if it was one. */
export function countAnswer(status: number): void {
  countFigure('attempts', 1);
  countFigure('serverErrors', status >= 500 ? 1 : 0);
}

/** Appends this test file's figures to FAULT_FIGURES_FILE, when `scripts/faultFigures.cjs` set it. */
export function writeFigures(testPath: string): void {
  const file = process.env.FAULT_FIGURES_FILE;
  if (file) appendFileSync(file, `${JSON.stringify({ testPath, totals, checks })}\n`);
}
