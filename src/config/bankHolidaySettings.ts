import { z } from 'zod';
import {
  BANK_HOLIDAY_REGIONS,
  DEFAULT_BANK_HOLIDAY_REGION,
  type BankHolidayRegion,
} from '../domain/time/bankHolidays';
import { readSettings, textSetting, type SettingsResult, type SettingsSource } from './readSettings';

const schema = z.object({
  BANK_HOLIDAY_REGION: textSetting<BankHolidayRegion>((text) => {
    const name = text.toLowerCase();
    if (name === '') return { value: DEFAULT_BANK_HOLIDAY_REGION };
    const region = BANK_HOLIDAY_REGIONS.find((r) => r === name);
    return region
      ? { value: region }
      : { problem: `must be one of ${BANK_HOLIDAY_REGIONS.join(', ')}, not "${text}".` };
  }),
});

/**
 * Reads BANK_HOLIDAY_REGION: whose bank holidays are skipped when counting working days for
 * reminders, escalations and digests. England and Wales unless set.
 */
export function readBankHolidayRegion(env: SettingsSource): SettingsResult<BankHolidayRegion> {
  const read = readSettings(schema, env);
  return read.ok ? { ok: true, settings: read.settings.BANK_HOLIDAY_REGION } : read;
}
