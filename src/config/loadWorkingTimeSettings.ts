import { DEFAULT_WORKING_TIME_SETTINGS, type WorkingTimeSettings } from '../domain/clash';
import { ConfigError } from './config';
import { loadSettingsFile, SettingsFileError } from './loadSettingsFile';
import { workingTimeRulesSchema } from './workingTimeRulesFile';

export const WORKING_TIME_RULES_SETTING = 'WORKING_TIME_RULES_FILE';

/**
 * The working-time rule sets: from the file WORKING_TIME_RULES_FILE names, or the shipped defaults
 * (the figures of config/working-time-rules.yaml) without one. A file that cannot be used throws a
 * ConfigError whose every problem reads `WORKING_TIME_RULES_FILE: file:line: entry: problem`.
 */
export async function loadWorkingTimeSettings(file: string | undefined): Promise<WorkingTimeSettings> {
  if (!file) return DEFAULT_WORKING_TIME_SETTINGS;
  try {
    return await loadSettingsFile(file, workingTimeRulesSchema);
  } catch (error) {
    if (!(error instanceof SettingsFileError)) throw error;
    throw new ConfigError(error.problems.map((problem) => `${WORKING_TIME_RULES_SETTING}: ${problem}`));
  }
}
