import type { Config } from './config';
import { loadCoverRates } from './loadCoverRates';
import { loadWorkingTimeSettings } from './loadWorkingTimeSettings';

/**
 * Reads the settings files the configuration names (the working-time rule sets, the cover rates)
 * into it. Throws a ConfigError naming the setting, file, line and entry of anything wrong, so
 * start-up stops.
 */
export async function loadRuleFiles(config: Config): Promise<Config> {
  const [workingTime, coverRates] = await Promise.all([
    loadWorkingTimeSettings(config.workingTimeRulesFile),
    loadCoverRates(config.coverRatesFile),
  ]);
  return { ...config, workingTime, coverRates };
}
