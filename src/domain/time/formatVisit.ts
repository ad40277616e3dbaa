import { formatLondonRange, LONDON_ZONE } from './londonTime';

export const LONDON = LONDON_ZONE;

/** "Tue 3 Mar, 09:00-13:00" in Europe/London; a visit across midnight shows both days. */
export function formatVisitTime(startIso: string, endIso: string): string {
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  if (Number.isNaN(start) || Number.isNaN(end)) return 'Time not known';
  return formatLondonRange({ start, end });
}
