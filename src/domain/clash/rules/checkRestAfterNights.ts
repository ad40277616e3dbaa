import { HOUR_MS, overlaps, type Interval } from '../../time/intervals';
import { formatLondonDateTime } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';

/** Rest after the last night shift of a run. */
export const REST_AFTER_NIGHTS_HOURS = 46;
const NIGHTS_REST_MS = REST_AFTER_NIGHTS_HOURS * HOUR_MS;

/** rest_after_nights: the visit falls within 46 hours after the end of a run of night shifts. */
export function checkRestAfterNights(context: ClashContext, visit: Interval): Finding[] {
  const near = { start: visit.start - NIGHTS_REST_MS, end: visit.end };
  return findOverlapping(context.visitor.nightRunEnds, near)
    .map((night) => ({ night, window: { start: night.end, end: night.end + NIGHTS_REST_MS } }))
    .filter(({ window }) => overlaps(window, visit))
    .map(({ night, window }) => ({
      rule: 'rest_after_nights',
      who: 'visitor',
      window,
      explain: () =>
        `You are on a night shift that ends ${formatLondonDateTime(night.end)}. You need ` +
        `${REST_AFTER_NIGHTS_HOURS} hours off after a run of nights, so the earliest you can visit is ` +
        `${formatLondonDateTime(window.end)}.`,
    }));
}
