import type { RotaMonth, Shift } from '../../domain/rota';
import { londonMonthsAround } from '../../domain/time/monthKeys';
import { MAX_READ_MANY, type DocumentStore } from '../documentStore';

type RotaDoc = RotaMonth & { id: string; [field: string]: unknown };

export function rotaDocumentId(personId: string, month: string): string {
  return `${personId}:${month}`;
}

/**
 * Rotas, one document per person per London month. A range read asks for its months in one
 * store call (`readMany`), starting a month early so a night shift that began last month is seen.
 */
export class RotaRepository {
  constructor(private readonly store: DocumentStore) {}

  async shiftsBetween(personId: string, from: Date, to: Date): Promise<Shift[]> {
    const months = londonMonthsAround(from.getTime(), to.getTime(), 1, 0);
    if (months.length === 0) return [];
    const ids = months.map((month) => rotaDocumentId(personId, month));
    const docs = (
      await Promise.all(
        inGroups(ids, MAX_READ_MANY).map((group) => this.store.readMany<RotaDoc>('rota', personId, group)),
      )
    ).flat();
    const [start, end] = [from.toISOString(), to.toISOString()];
    return docs
      .flatMap((found) => found.doc.shifts ?? [])
      .filter((shift) => shift.end > start && shift.start < end)
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

/** The list cut into groups of at most `size`, in order. */
function inGroups<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
