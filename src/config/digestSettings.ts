import { z } from 'zod';
import { DEFAULT_DIGEST_SCHEDULE } from '../domain/digest/isoWeek';
import type { DigestSettings } from '../domain/digest/digestSettings';
import type { Weekday } from '../domain/offers';
import {
  readSettings,
  splitList,
  textSetting,
  type SettingsResult,
  type SettingsSource,
} from './readSettings';

export type DigestSettingsResult = SettingsResult<DigestSettings>;

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const FULL_NAMES: Record<Weekday, string> = {
  mon: 'monday',
  tue: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

const schema = z.object({
  DIGEST_WEEKDAY: textSetting<Weekday>((text) => {
    const name = text.toLowerCase();
    if (name === '') return { value: DEFAULT_DIGEST_SCHEDULE.weekday };
    const day = WEEKDAYS.find((d) => name === d || name === FULL_NAMES[d]);
    return day
      ? { value: day }
      : { problem: `must be a day of the week such as mon or monday, not "${name}".` };
  }),
  DIGEST_TIME: textSetting<string>((text) => {
    const time = text || DEFAULT_DIGEST_SCHEDULE.time;
    return TIME.test(time)
      ? { value: time }
      : { problem: `must be a 24-hour time HH:MM in UK time, such as 08:00, not "${time}".` };
  }),
  PROGRAMME_LEAD_EMAILS: textSetting<string[]>((text) => {
    const emails = splitList(text).map((e) => e.toLowerCase());
    const bad = emails.filter((e) => !EMAIL.test(e));
    if (bad.length > 0)
      return { problem: `must be email addresses separated by commas; not an email: ${bad.join(', ')}.` };
    return { value: emails };
  }),
});

/**
 * Reads DIGEST_WEEKDAY (mon..sun, or the full name), DIGEST_TIME (HH:MM, Europe/London) and
 * PROGRAMME_LEAD_EMAILS (comma-separated). Each problem names its setting.
 */
export function readDigestSettings(env: SettingsSource): DigestSettingsResult {
  const read = readSettings(schema, env);
  if (!read.ok) return read;
  const s = read.settings;
  return {
    ok: true,
    settings: {
      schedule: { weekday: s.DIGEST_WEEKDAY, time: s.DIGEST_TIME },
      programmeLeadEmails: s.PROGRAMME_LEAD_EMAILS,
    },
  };
}
