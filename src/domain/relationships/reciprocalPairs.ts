import type { ExchangeRecord } from '../outcomes/exchangeRecord';
import { normaliseDepartment } from './pastExchanges';

/** A half-open stretch of time, UTC epoch milliseconds. */
interface Period {
  start: number;
  end: number;
}

/**
 * Reciprocal pairs completed in `period`: two completed exchanges between the same two
 * departments in opposite directions ("you visit me, I visit you"). Exchanges are taken in visit
 * order; each is matched at most once, with the earliest unmatched visit the other way, and the
 * pair counts in the period of its later visit. Earlier records may be passed so that a first
 * visit before the period still pairs with a return inside it. Visits within one department, or
 * with a department unknown, never pair.
 */
export function countReciprocalPairs(records: readonly ExchangeRecord[], period: Period): number {
  const waiting = new Map<string, number>();
  let pairs = 0;
  const completed = records
    .filter((r) => r.outcome === 'completed' && r.visitor.department && r.host.department)
    .sort((a, b) => Date.parse(a.visitStart) - Date.parse(b.visitStart) || a.id.localeCompare(b.id));
  for (const record of completed) {
    const from = normaliseDepartment(record.visitor.department as string);
    const to = normaliseDepartment(record.host.department as string);
    if (from === to) continue;
    const back = `${to}\u0000${from}`;
    const open = waiting.get(back) ?? 0;
    if (open > 0) {
      waiting.set(back, open - 1);
      const at = Date.parse(record.visitStart);
      if (at >= period.start && at < period.end) pairs += 1;
    } else {
      const key = `${from}\u0000${to}`;
      waiting.set(key, (waiting.get(key) ?? 0) + 1);
    }
  }
  return pairs;
}
