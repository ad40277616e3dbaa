import { mergeIntoRotaMonths, type IncomingShift } from '../../domain/import/mergeShifts';
import { londonMonthOf } from '../../domain/time/londonTime';
import type { RotaMonth } from '../../domain/rota';
import type { RotaRepository } from '../../store/repositories/rotaRepository';
import { mapWithConcurrency } from '../../shared/mapWithConcurrency';
import type { Progress } from './progressBar';

/** Store calls in flight at once: enough to hide latency, few enough to be kind to the store. */
export const WRITE_CONCURRENCY = 16;

export interface ShiftWriteResult {
  added: number;
  duplicates: number;
  /** Distinct people who had shifts in the import. */
  staff: number;
  /** Rota months written (those that gained shifts). */
  monthsWritten: number;
  /** People whose rota gained shifts: their visits are checked again. */
  changedPeople: string[];
}

interface MonthKey {
  personId: string;
  month: string;
}

/** The (person, London month) documents the shifts belong in, each once. */
export function listTouchedMonths(incoming: readonly IncomingShift[]): MonthKey[] {
  const keys = new Map<string, MonthKey>();
  for (const { personId, shift } of incoming) {
    const month = londonMonthOf(Date.parse(shift.start));
    keys.set(`${personId}\u0000${month}`, { personId, month });
  }
  return [...keys.values()];
}

/**
 * Files shifts into their rota months: reads each touched month once, merges without duplicates,
 * writes only the months that gained shifts. `progress` counts one step per read and per write.
 */
export async function writeImportedShifts(
  rota: RotaRepository,
  incoming: readonly IncomingShift[],
  createProgress: (steps: number) => Progress,
): Promise<ShiftWriteResult> {
  const touched = listTouchedMonths(incoming);
  // At most twice as many steps as months: one read each, one write for those that change.
  const progress = createProgress(touched.length * 2);
  const existing = await mapWithConcurrency(touched, WRITE_CONCURRENCY, async ({ personId, month }) => {
    const found = await rota.readMonth(personId, month);
    progress.advance();
    return found ? toRotaMonth(found.rota) : undefined;
  });
  const merge = mergeIntoRotaMonths(
    existing.filter((month): month is RotaMonth => month !== undefined),
    incoming,
  );
  progress.advance(touched.length - merge.changed.length);
  await mapWithConcurrency(merge.changed, WRITE_CONCURRENCY, async (month) => {
    await rota.writeMonth(month);
    progress.advance();
  });
  progress.finish();
  return {
    added: merge.added,
    duplicates: merge.duplicates,
    staff: new Set(incoming.map((item) => item.personId)).size,
    monthsWritten: merge.changed.length,
    changedPeople: [...new Set(merge.changed.map((month) => month.personId))],
  };
}

/** Only the rota fields, so store metadata read back is not written again. */
function toRotaMonth(doc: RotaMonth): RotaMonth {
  return { personId: doc.personId, month: doc.month, shifts: doc.shifts };
}
