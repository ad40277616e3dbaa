import { containsInterval, mergeOverlapping, type Interval } from '../../time/intervals';
import { formatLondonRange, londonSessionInterval, toLondonDate, weekdayOf } from '../../time/londonTime';
import type { Finding, OfferTerms } from '../clashTypes';
import type { ClashContext } from '../prepareClashContext';
import { describeSessions } from './describeSessions';

/** The offer's sessions on the visit's London day, joined where they meet (AM + PM = full day). */
function findSessionRanges(offer: OfferTerms, visit: Interval): Interval[] {
  const date = toLondonDate(visit.start);
  const weekday = weekdayOf(date);
  const sessions = offer.sessions.filter((s) => s.weekday === weekday);
  return mergeOverlapping(sessions.map((s) => londonSessionInterval(date, s.part)));
}

function explainNotOffered(offer: OfferTerms, visit: Interval): string {
  if (offer.sessions.length === 0) return 'This offer has no sessions set, so it cannot take visits yet.';
  return (
    `The host does not offer visits at ${formatLondonRange(visit)}. ` +
    `They offer ${describeSessions(offer.sessions)}.`
  );
}

/** host_not_offered: the offer is paused, or the visit is not within one of its sessions. */
export function checkHostOffered(context: ClashContext, visit: Interval): Finding[] {
  const offer = context.offer;
  if (!offer) return [];
  if (offer.status === 'paused') {
    const explain = () => 'The host has paused this offer, so it is not taking visits at the moment.';
    return [{ rule: 'host_not_offered', who: 'host', window: visit, explain }];
  }
  if (findSessionRanges(offer, visit).some((range) => containsInterval(range, visit))) return [];
  return [
    { rule: 'host_not_offered', who: 'host', window: visit, explain: () => explainNotOffered(offer, visit) },
  ];
}
