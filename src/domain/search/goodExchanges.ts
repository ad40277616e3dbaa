import { normaliseDepartment } from '../relationships/pastExchanges';
import type { PastExchange } from './rankOffers';

/** How many exchanges that went well one team's staff made to another's. */
export type GoodExchanges = (fromDepartment: string, toDepartment: string) => number;

/**
 * The exchanges that went well, counted once per ranking by the visitor's and host's departments
 * (as people write them: any case, any spacing), so that each offer looks its teams up instead of
 * going through every exchange of the last two years again.
 */
export function countGoodExchanges(past: readonly PastExchange[]): GoodExchanges {
  const counts = new Map<string, number>();
  for (const exchange of past) {
    if (!exchange.wentWell) continue;
    const key = teamsKey(exchange.visitorDepartment, exchange.hostDepartment);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Without any, nothing is worked out per offer at all.
  if (counts.size === 0) return () => 0;
  return (fromDepartment, toDepartment) => counts.get(teamsKey(fromDepartment, toDepartment)) ?? 0;
}

/** A normalised department holds no line break (all spacing becomes one space), so this key is unambiguous. */
function teamsKey(fromDepartment: string, toDepartment: string): string {
  return `${normaliseDepartment(fromDepartment)}\n${normaliseDepartment(toDepartment)}`;
}
