import { toPastExchanges } from '../../domain/relationships/pastExchanges';
import type { PastExchange } from '../../domain/search/rankOffers';
import { londonMonthOf } from '../../domain/time/londonTime';
import { addMonths } from '../../domain/time/monthKeys';
import type { ExchangesRepository } from '../../store/repositories/exchangesRepository';

/** How far back teams' past exchanges count towards ranking. */
export const RELATIONSHIP_MONTHS = 24;

/** The completed exchanges of the last two years, as ranking reads them; none without a log. */
export async function loadPastExchanges(
  exchanges: ExchangesRepository | undefined,
  now: Date,
): Promise<PastExchange[]> {
  if (!exchanges) return [];
  const to = londonMonthOf(now.getTime());
  return toPastExchanges(await exchanges.listCompletedBetween(addMonths(to, -RELATIONSHIP_MONTHS), to));
}
