import type { ExchangeRecord } from '../../domain/outcomes/exchangeRecord';
import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../documentStore';

type ExchangeDoc = ExchangeRecord & { [field: string]: unknown };

export type LogWrite = 'created' | 'updated' | 'unchanged';

const MAX_ATTEMPTS = 5;

/**
 * The completed-exchange log, partitioned by the visit's month (YYYY-MM, London). Each record's id
 * is its request's id, so writing it again never makes a second record.
 */
export class ExchangesRepository {
  constructor(private readonly store: DocumentStore) {}

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
        return 'updated';
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    throw new VersionConflictError('exchanges', record.id);
  }

  /**
   * Completed exchanges from month `fromPeriod` (YYYY-MM) on: one cross-partition query, for
   * ranking hosts by how their teams have exchanged before.
   */
  async listCompletedSince(fromPeriod: string): Promise<ExchangeRecord[]> {
    return this.store.query<ExchangeDoc>('exchanges', {
      where: [
        { field: 'period', op: '>=', value: fromPeriod },
        { field: 'outcome', op: '=', value: 'completed' },
      ],
    });
  }

  /** One month of the log: a single-partition query. */
  async listPeriod(period: string): Promise<ExchangeRecord[]> {
    return this.store.query<ExchangeDoc>('exchanges', {
      partitionKey: period,
      orderBy: { field: 'visitStart', direction: 'asc' },
    });
  }
}
