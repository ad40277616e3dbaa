import type { ExchangeRecord } from '../../domain/outcomes/exchangeRecord';
import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../documentStore';

type ExchangeDoc = ExchangeRecord & { [field: string]: unknown };

export type LogWrite = 'created' | 'updated' | 'unchanged';

const MAX_ATTEMPTS = 5;

/** How long this instance answers the ranking's read of completed exchanges from its own copy. */
export const COMPLETED_FRESH_MS = 5 * 60_000;
/** After that, and up to this age, the copy still answers while a fresh one is read in the background. */
export const COMPLETED_STALE_MS = 30 * 60_000;

/**
 * The completed-exchange log, partitioned by the visit's month (YYYY-MM, London). Each record's id
 * is its request's id, so writing it again never makes a second record.
 */

export class ExchangesRepository {
  private readonly completed = new Map<string, { records: Promise<ExchangeRecord[]>; readAt: number }>();
  /** Copies being read afresh in the background, by key. */
  private readonly refreshing = new Set<string>();
  /** Counts this instance's writes, so a background read that began before one is not kept. */
  private writes = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: () => number = Date.now,
  ) {}

  private forget(key: string, records: Promise<ExchangeRecord[]>): void {
    if (this.completed.get(key)?.records === records) this.completed.delete(key);
  }

  /** A record written here shows in this instance's next ranking at once. */
  private wrote(): void {
    this.writes += 1;
    this.completed.clear();
  }

  async find(
    period: string,
    requestId: string,
  ): Promise<{ record: ExchangeRecord; etag: string } | undefined> {
    const found = await this.store.read<ExchangeDoc>('exchanges', requestId, period);
    return found ? { record: found.doc, etag: found.etag } : undefined;
  }

  /**
   * Creates the record; if it is already there (409), brings it up to date with a conditional
   * replace only when something changed, keeping when it was first logged.
   */
  async save(
    record: ExchangeRecord,
    same: (a: ExchangeRecord, b: ExchangeRecord) => boolean,
  ): Promise<LogWrite> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      try {
        await this.store.create<ExchangeDoc>('exchanges', record as ExchangeDoc);
        this.wrote();
        return 'created';
      } catch (error) {
        if (!(error instanceof DocumentExistsError)) throw error;
      }
      const found = await this.find(record.period, record.id);
      if (!found) continue;
      if (same(found.record, record)) return 'unchanged';
      try {
        await this.store.replace<ExchangeDoc>(
          'exchanges',
          { ...record, loggedAt: found.record.loggedAt } as ExchangeDoc,
          { ifMatch: found.etag },
        );
        this.wrote();
        return 'updated';
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    throw new VersionConflictError('exchanges', record.id);
  }

  /**
   * Completed exchanges of the months `fromPeriod` to `toPeriod` (YYYY-MM, both included), for
   * ranking hosts by how their teams have exchanged before: one single-partition query per month,
   * all at once, so a person's host search never asks every partition. This instance keeps the
   * answer for COMPLETED_FRESH_MS (only ranking reads it), then answers from it while reading it
   * afresh in the background up to COMPLETED_STALE_MS, and forgets it when it writes a record.
   */
  async listCompletedBetween(fromPeriod: string, toPeriod: string): Promise<ExchangeRecord[]> {
    const key = `${fromPeriod}..${toPeriod}`;
    const kept = this.completed.get(key);
    const age = kept ? this.clock() - kept.readAt : Infinity;
    if (kept && age <= COMPLETED_FRESH_MS) return kept.records;
    if (kept && age <= COMPLETED_STALE_MS) {
      this.refreshInBackground(key, fromPeriod, toPeriod);
      return kept.records;
    }
    return this.readAndKeep(key, fromPeriod, toPeriod);
  }

  private readAndKeep(key: string, fromPeriod: string, toPeriod: string): Promise<ExchangeRecord[]> {
    const records = this.readCompleted(fromPeriod, toPeriod);
    const readAt = this.clock();
    this.completed.set(key, { records, readAt });
    // A failed read is not kept. (A write here forgets every copy, reads under way included.)
    records.catch(() => this.forget(key, records));
    return records;
  }

  /** The copy is replaced once the fresh read succeeds, unless this instance wrote a record meanwhile. */
  private refreshInBackground(key: string, fromPeriod: string, toPeriod: string): void {
    if (this.refreshing.has(key)) return;
    this.refreshing.add(key);
    const writesBefore = this.writes;
    const readAt = this.clock();
    this.readCompleted(fromPeriod, toPeriod)
      .then((records) => {
        if (this.writes === writesBefore)
          this.completed.set(key, { records: Promise.resolve(records), readAt });
      })
      // A failed refresh leaves the copy as it was; the next search past COMPLETED_STALE_MS reads again.
      .catch(() => undefined)
      .finally(() => this.refreshing.delete(key));
  }

  private readCompleted(fromPeriod: string, toPeriod: string): Promise<ExchangeRecord[]> {
    return Promise.all(
      periodsBetween(fromPeriod, toPeriod).map((period) =>
        this.store.query<ExchangeDoc>('exchanges', {
          partitionKey: period,
          where: [{ field: 'outcome', op: '=', value: 'completed' }],
        }),
      ),
    ).then((months) => months.flat());
  }

  /** One month of the log: a single-partition query. */
  async listPeriod(period: string): Promise<ExchangeRecord[]> {
    return this.store.query<ExchangeDoc>('exchanges', {
      partitionKey: period,
      orderBy: { field: 'visitStart', direction: 'asc' },
    });
  }
}

/** Every month from one YYYY-MM to another, both included. */
export function periodsBetween(fromPeriod: string, toPeriod: string): string[] {
  const periods: string[] = [];
  let [year, month] = fromPeriod.split('-').map(Number) as [number, number];
  for (let period = fromPeriod; period <= toPeriod;) {
    periods.push(period);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    period = `${year}-${String(month).padStart(2, '0')}`;
  }
  return periods;
}
