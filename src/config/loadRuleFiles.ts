import type { Config } from './config';
import { loadWorkingTimeSettings } from './loadWorkingTimeSettings';

/**
 * Reads the settings files the configuration names (the working-time rule sets) into it. Throws a
 * ConfigError naming the setting, file, line and entry of anything wrong, so start-up stops.
 */
export async function loadRuleFiles(config: Config): Promise<Config> {
  return { ...config, workingTime: await loadWorkingTimeSettings(config.workingTimeRulesFile) };
}
