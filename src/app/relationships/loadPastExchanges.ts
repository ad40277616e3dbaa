import { DateTime } from 'luxon';
import { toPastExchanges } from '../../domain/relationships/pastExchanges';
import type { PastExchange } from '../../domain/search/rankOffers';
import { LONDON } from '../../domain/time/formatVisit';
import type { ExchangesRepository } from '../../store/repositories/exchangesRepository';

/** How far back teams' past exchanges count towards ranking. */
export const RELATIONSHIP_MONTHS = 24;

/** The completed exchanges of the last two years, as ranking reads them; none without a log. */
export async function loadPastExchanges(
  exchanges: ExchangesRepository | undefined,
  now: Date,
): Promise<PastExchange[]> {
  if (!exchanges) return [];
  const to = DateTime.fromJSDate(now, { zone: LONDON });
  const from = to.minus({ months: RELATIONSHIP_MONTHS });
  return toPastExchanges(
    await exchanges.listCompletedBetween(from.toFormat('yyyy-LL'), to.toFormat('yyyy-LL')),
  );
}
