import { DateTime } from 'luxon';

export const LONDON = 'Europe/London';

/** "Tue 3 Mar, 09:00-13:00" in Europe/London; a visit across midnight shows both days. */
export function formatVisitTime(startIso: string, endIso: string): string {
  const start = DateTime.fromISO(startIso, { zone: 'utc' }).setZone(LONDON);
  const end = DateTime.fromISO(endIso, { zone: 'utc' }).setZone(LONDON);
  const day = (t: DateTime) => t.toFormat('ccc d LLL', { locale: 'en-GB' });
  const time = (t: DateTime) => t.toFormat('HH:mm');
  if (!start.isValid || !end.isValid) return 'Time not known';
  return start.hasSame(end, 'day')
    ? `${day(start)}, ${time(start)}-${time(end)}`
    : `${day(start)}, ${time(start)} to ${day(end)}, ${time(end)}`;
}
