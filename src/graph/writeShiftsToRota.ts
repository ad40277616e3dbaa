import type { IncomingShift, ReplaceScope } from '../domain/import/mergeShifts';
import { writeRotaChanges, type RotaChangeResult } from '../app/writeRotaChanges';
import type { RotaRepository } from '../store/repositories/rotaRepository';

export type RotaWriteResult = RotaChangeResult;

/**
 * Files shifts from Microsoft Shifts into the rota months the clash checks read, without
 * duplicates; held shifts the scopes cover that Shifts no longer lists are removed (their months
 * named in `scopeMonths` are read too). Reading the same Shifts window twice changes nothing.
 */
export async function writeShiftsToRota(
  rota: RotaRepository,
  incoming: readonly IncomingShift[],
  replace: {
    scopes: readonly ReplaceScope[];
    scopeMonths: ReadonlyArray<{ personId: string; month: string }>;
  } = { scopes: [], scopeMonths: [] },
): Promise<RotaWriteResult> {
  return writeRotaChanges(rota, incoming, replace);
}
