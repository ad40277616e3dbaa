import type { ExchangeRecord } from '../outcomes/exchangeRecord';
import type { PastExchange } from '../search/rankOffers';

/**
 * Whether a logged exchange went well: it happened, neither side said they would not recommend it
 * or host again, and at least one side said something good (would recommend, would host again, or
 * an objective met).
 */
export function wentWell(record: ExchangeRecord): boolean {
  if (record.outcome !== 'completed') return false;
  if (record.wouldRecommend === false || record.wouldHostAgain === false) return false;
  return (
    record.wouldRecommend === true ||
    record.wouldHostAgain === true ||
    record.objectives.some((objective) => objective.rating === 'met')
  );
}

/** The completed exchanges of the log as ranking reads them: which team visited which, and how it went. */
export function toPastExchanges(records: readonly ExchangeRecord[]): PastExchange[] {
  return records.flatMap((record) => {
    const from = record.visitor.department;
    const to = record.host.department;
    if (record.outcome !== 'completed' || !from || !to) return [];
    return [{ visitorDepartment: from, hostDepartment: to, wentWell: wentWell(record) }];
  });
}

/** Departments compared as people write them: any case, any spacing. */
export function sameDepartment(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && normaliseDepartment(a) === normaliseDepartment(b);
}

export function normaliseDepartment(department: string): string {
  return department.trim().toLowerCase().replace(/\s+/g, ' ');
}
