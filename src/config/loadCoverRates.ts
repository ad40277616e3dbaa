import { DEFAULT_COVER_RATES } from '../domain/cover/defaultCoverRates';
import type { CoverRates } from '../domain/cover/coverRates';
import { ConfigError } from './config';
import { coverRatesSchema } from './coverRatesFile';
import { loadSettingsFile, SettingsFileError } from './loadSettingsFile';

export const COVER_RATES_SETTING = 'COVER_RATES_FILE';

/**
 * The estimated backfill rates: from the file COVER_RATES_FILE names, or the shipped estimates
 * (the figures of config/cover-rates.yaml) without one. A file that cannot be used throws a
 * ConfigError whose every problem reads `COVER_RATES_FILE: file:line: entry: problem`.
 */
export async function loadCoverRates(file: string | undefined): Promise<CoverRates> {
  if (!file) return DEFAULT_COVER_RATES;
  try {
    return await loadSettingsFile(file, coverRatesSchema);
  } catch (error) {
    if (!(error instanceof SettingsFileError)) throw error;
    throw new ConfigError(error.problems.map((problem) => `${COVER_RATES_SETTING}: ${problem}`));
  }
}
