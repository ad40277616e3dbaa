import type { Interval } from '../../time/intervals';
import { formatLondonRange } from '../../time/londonTime';
import { occurrenceHolding } from '../../sessions/sessionOccurrences';
import type { Finding, OfferTerms } from '../clashTypes';
import type { ClashContext } from '../prepareClashContext';
import { describeSessions } from './describeSessions';

function explainNotOffered(offer: OfferTerms, visit: Interval): string {
  if (offer.sessions.length === 0) return 'This offer has no sessions set, so it cannot take visits yet.';
  return (
    `The host does not offer visits at ${formatLondonRange(visit)}. ` +
    `They offer ${describeSessions(offer.sessions)}.`
  );
}

/** host_not_offered: the offer is paused, or the visit does not lie within one session occurrence. */
export function checkHostOffered(context: ClashContext, visit: Interval): Finding[] {
  const offer = context.offer;
  if (!offer) return [];
  if (offer.status === 'paused') {
    const explain = () => 'The host has paused this offer, so it is not taking visits at the moment.';
    return [{ rule: 'host_not_offered', who: 'host', window: visit, explain }];
  }
  if (occurrenceHolding(offer.sessions, visit)) return [];
  return [
    { rule: 'host_not_offered', who: 'host', window: visit, explain: () => explainNotOffered(offer, visit) },
  ];
}
