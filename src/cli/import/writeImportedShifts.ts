import type { IncomingShift } from '../../domain/import/mergeShifts';
import { fileReplaceScopes } from '../../domain/import/replaceScopes';
import { writeRotaChanges, type RotaChangeResult } from '../../app/writeRotaChanges';
import type { RotaRepository } from '../../store/repositories/rotaRepository';
import type { Progress } from './progressBar';

export { WRITE_CONCURRENCY } from '../../app/writeRotaChanges';

export interface ShiftWriteResult extends RotaChangeResult {
  /** Distinct people who had shifts in the import. */
  staff: number;
}

/**
 * Files a rota file's shifts into their rota months without duplicates. With `replace`, for each
 * person in the file, shifts from file imports over the days the file covers for them (see
 * fileReplaceScopes) that the file no longer lists are removed. `progress` counts two steps a
 * month read.
 */
export async function writeImportedShifts(
  rota: RotaRepository,
  incoming: readonly IncomingShift[],
  createProgress: (steps: number) => Progress,
  options: { replace?: boolean } = {},
): Promise<ShiftWriteResult> {
  const scopes = options.replace === true ? fileReplaceScopes(incoming) : [];
  const written = await writeRotaChanges(rota, incoming, {
    scopes,
    scopeMonths: scopes.flatMap((scope) =>
      scope.months.map((month) => ({ personId: scope.personId, month })),
    ),
    createProgress,
  });
  return { ...written, staff: new Set(incoming.map((item) => item.personId)).size };
}
