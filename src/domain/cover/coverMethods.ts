import type { ChosenRate } from './coverRates';

/** How the manager arranges cover for released time. */
export const COVER_METHODS = ['not_needed', 'within_team', 'bank_or_locum', 'rota_coordinator'] as const;
export type CoverMethod = (typeof COVER_METHODS)[number];

export const COVER_METHOD_WORDS: Readonly<Record<CoverMethod, string>> = {
  not_needed: 'No cover needed',
  within_team: 'Covered within the team',
  bank_or_locum: 'Bank or locum shift requested',
  rota_coordinator: 'Rota coordinator to arrange',
};

/** Where cover stands: not needed, waiting to be arranged, arranged, or could not be arranged. */
export const COVER_STATUSES = ['not_needed', 'pending', 'arranged', 'failed'] as const;
export type CoverStatus = (typeof COVER_STATUSES)[number];

/** What backfilling some hours may cost at a grade's rates, in pounds to the penny. */
export interface CoverEstimate {
  hours: number;
  rate: ChosenRate;
  bankGbp: number;
  agencyGbp: number;
}

const pounds = (n: number) => Math.round(n * 100) / 100;

export function estimateCover(hours: number, rate: ChosenRate): CoverEstimate {
  return { hours, rate, bankGbp: pounds(hours * rate.bank), agencyGbp: pounds(hours * rate.agency) };
}

/**
 * The estimate recorded for a cover method: nothing extra when no cover is needed or the team
 * covers it; the bank figure otherwise (and before a method is chosen), the agency or locum figure
 * being the upper end the card also shows.
 */
export function costForMethod(method: CoverMethod | undefined, estimate: CoverEstimate): number {
  return method === 'not_needed' || method === 'within_team' ? 0 : estimate.bankGbp;
}
