import { mergeIntoRotaMonths, type IncomingShift } from '../domain/import/mergeShifts';
import { londonMonthOf } from '../domain/time/londonTime';
import type { RotaMonth } from '../domain/rota';
import type { RotaRepository } from '../store/repositories/rotaRepository';

export interface RotaWriteResult {
  added: number;
  duplicates: number;
  monthsWritten: number;
  /** People whose rota gained shifts: their visits are checked again. */
  changedPeople: string[];
}

/**
 * Files shifts from a rota source into the rota months the clash checks read: each touched
 * (person, London month) is read once, merged without duplicates, and written only if it gained
 * shifts. Reading the same Shifts window twice adds nothing.
 */
export async function writeShiftsToRota(
  rota: RotaRepository,
  incoming: readonly IncomingShift[],
): Promise<RotaWriteResult> {
  const touched = new Map<string, { personId: string; month: string }>();
  for (const { personId, shift } of incoming) {
    const month = londonMonthOf(Date.parse(shift.start));
    touched.set(`${personId}\u0000${month}`, { personId, month });
  }
  const existing: RotaMonth[] = [];
  for (const { personId, month } of touched.values()) {
    const found = await rota.readMonth(personId, month);
    if (found)
      existing.push({ personId: found.rota.personId, month: found.rota.month, shifts: found.rota.shifts });
  }
  const merge = mergeIntoRotaMonths(existing, incoming);
  for (const month of merge.changed) await rota.writeMonth(month);
  return {
    added: merge.added,
    duplicates: merge.duplicates,
    monthsWritten: merge.changed.length,
    changedPeople: [...new Set(merge.changed.map((month) => month.personId))],
  };
}
