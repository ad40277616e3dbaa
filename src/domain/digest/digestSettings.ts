import type { Weekday } from '../offers';
import { DEFAULT_DIGEST_SCHEDULE, type DigestSchedule } from './isoWeek';

/** How the weekly digest runs, and who counts as a programme lead besides the directory's role. */
export interface DigestSettings {
  schedule: DigestSchedule;
  /** Lower-case emails from PROGRAMME_LEAD_EMAILS; people with the programme_lead role count too. */
  programmeLeadEmails: readonly string[];
}

export const DEFAULT_DIGEST_SETTINGS: DigestSettings = {
  schedule: DEFAULT_DIGEST_SCHEDULE,
  programmeLeadEmails: [],
};

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

export type DigestSettingsResult = { ok: true; settings: DigestSettings } | { ok: false; problems: string[] };

/**
 * Reads DIGEST_WEEKDAY (mon..sun, or the full name), DIGEST_TIME (HH:MM, Europe/London) and
 * PROGRAMME_LEAD_EMAILS (comma-separated). Each problem names its setting.
 */
export function readDigestSettings(env: Readonly<Record<string, string | undefined>>): DigestSettingsResult {
  const problems: string[] = [];
  const weekdayText = (env.DIGEST_WEEKDAY ?? '').trim().toLowerCase();
  const weekday =
    weekdayText === ''
      ? DEFAULT_DIGEST_SCHEDULE.weekday
      : WEEKDAYS.find((day) => weekdayText === day || weekdayText === FULL_NAMES[day]);
  if (!weekday)
    problems.push(`DIGEST_WEEKDAY: must be a day of the week such as mon or monday, not "${weekdayText}".`);
  const time = (env.DIGEST_TIME ?? '').trim() || DEFAULT_DIGEST_SCHEDULE.time;
  if (!TIME.test(time))
    problems.push(`DIGEST_TIME: must be a 24-hour time HH:MM in UK time, such as 08:00, not "${time}".`);
  const emails = (env.PROGRAMME_LEAD_EMAILS ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
  const bad = emails.filter((e) => !EMAIL.test(e));
  if (bad.length > 0)
    problems.push(
      `PROGRAMME_LEAD_EMAILS: must be email addresses separated by commas; not an email: ${bad.join(', ')}.`,
    );
  if (problems.length > 0 || !weekday) return { ok: false, problems };
  return { ok: true, settings: { schedule: { weekday, time }, programmeLeadEmails: emails } };
}
