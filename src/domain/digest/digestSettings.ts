import { DEFAULT_DIGEST_SCHEDULE, type DigestSchedule } from './isoWeek';

/**
 * How the weekly digest runs, and who counts as a programme lead besides the directory's role.
 * Read and checked by src/config/digestSettings.ts.
 */
export interface DigestSettings {
  schedule: DigestSchedule;
  /** Lower-case emails from PROGRAMME_LEAD_EMAILS; people with the programme_lead role count too. */
  programmeLeadEmails: readonly string[];
}

export const DEFAULT_DIGEST_SETTINGS: DigestSettings = {
  schedule: DEFAULT_DIGEST_SCHEDULE,
  programmeLeadEmails: [],
};
