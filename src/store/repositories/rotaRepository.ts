import { DateTime } from 'luxon';
import type { RotaMonth, Shift } from '../../domain/rota';
import type { DocumentStore } from '../documentStore';

type RotaDoc = RotaMonth & { id: string; [field: string]: unknown };

export function rotaDocumentId(personId: string, month: string): string {
  return `${personId}:${month}`;
}

/**
 * Rotas, one document per person per London month. A range read is a point read per month,
 * starting a month early so a night shift that began last month is seen.
 */
export class RotaRepository {
  constructor(private readonly store: DocumentStore) {}

  async shiftsBetween(personId: string, from: Date, to: Date): Promise<Shift[]> {
    const months = monthsCovering(from, to);
    const docs = await Promise.all(
      months.map((month) => this.store.read<RotaDoc>('rota', rotaDocumentId(personId, month), personId)),
    );
    return docs
      .flatMap((found) => found?.doc.shifts ?? [])
      .filter((shift) => shift.end > from.toISOString() && shift.start < to.toISOString())
      .sort((a, b) => a.start.localeCompare(b.start));
  }

  async readMonth(personId: string, month: string): Promise<{ rota: RotaMonth; etag: string } | undefined> {
    const found = await this.store.read<RotaDoc>('rota', rotaDocumentId(personId, month), personId);
    return found ? { rota: found.doc, etag: found.etag } : undefined;
  }

  async writeMonth(rota: RotaMonth): Promise<void> {
    await this.store.upsert<RotaDoc>('rota', { ...rota, id: rotaDocumentId(rota.personId, rota.month) });
  }
}

function monthsCovering(from: Date, to: Date): string[] {
  const months: string[] = [];
  let cursor = DateTime.fromJSDate(from, { zone: 'Europe/London' }).startOf('month').minus({ months: 1 });
  const last = DateTime.fromJSDate(to, { zone: 'Europe/London' }).startOf('month');
  while (cursor <= last) {
    months.push(cursor.toFormat('yyyy-LL'));
    cursor = cursor.plus({ months: 1 });
  }
  return months;
}
