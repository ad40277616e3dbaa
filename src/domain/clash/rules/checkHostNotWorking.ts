import { DAY_MS, subtractAll, type Interval } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import type { Finding } from '../clashTypes';
import { findOverlapping } from '../intervalIndex';
import type { ClashContext } from '../prepareClashContext';

/** A host has a rota when they have a duty, long day or night this close to the visit. */
export const HOST_ROTA_REACH_MS = 14 * DAY_MS;

/**
 * host_not_working: the host has a rota but is not in a duty, long day or night shift (touching
 * shifts together count) for the whole visit. Time the host is away, on call or in training is
 * left to those rules, so one cause gives one reason. A host without a rota is taken to work the
 * sessions offered.
 */
export function checkHostNotWorking(context: ClashContext, visit: Interval): Finding[] {
  const host = context.host;
  if (!host) return [];
  const reach = { start: visit.start - HOST_ROTA_REACH_MS, end: visit.end + HOST_ROTA_REACH_MS };
  if (findOverlapping(host.working, reach).length === 0) return [];
  const accounted = [
    ...findOverlapping(host.working, visit),
    ...findOverlapping(host.away, visit),
    ...findOverlapping(host.elsewhere, visit),
  ];
  const missing = subtractAll(visit, accounted);
  const first = missing[0];
  const last = missing[missing.length - 1];
  if (!first || !last) return [];
  const window = { start: first.start, end: last.end };
  const explain = () =>
    `The host is not rostered to work for all of ${formatLondonRange(visit)}, so cannot host a visit then.`;
  return [{ rule: 'host_not_working', who: 'host', window, explain }];
}
