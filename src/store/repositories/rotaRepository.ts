import type { RotaMonth, Shift } from '../../domain/rota';
import { londonMonthsAround, type MonthKey } from '../../domain/time/monthKeys';
import { MAX_READ_MANY, type DocumentStore } from '../documentStore';

type RotaDoc = RotaMonth & { id: string; [field: string]: unknown };

export function rotaDocumentId(personId: string, month: string): string {
  return `${personId}:${month}`;
}

/**
 * The London months a range read of a rota reads: from the month before `from`'s, so a night
 * shift that began last month is seen, to `to`'s.
 */
export function rotaMonthsFor(from: Date, to: Date): MonthKey[] {
  return londonMonthsAround(from.getTime(), to.getTime(), 1, 0);
}

/** The shifts that overlap [from, to), in order of their start. */
export function shiftsWithin(shifts: readonly Shift[], from: Date, to: Date): Shift[] {
  const [start, end] = [from.toISOString(), to.toISOString()];
  return shifts
    .filter((shift) => shift.end > start && shift.start < end)
    .sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * Rotas, one document per person per London month. A range read asks for its months in one
 * store call (`readMany`), starting a month early so a night shift that began last month is seen.
 */
export class RotaRepository {
  constructor(private readonly store: DocumentStore) {}

  async shiftsBetween(personId: string, from: Date, to: Date): Promise<Shift[]> {
    const months = rotaMonthsFor(from, to);
    // No months: a window that is no time at all, or ends before it starts.
    if (months.length === 0) return [];
    return shiftsWithin([...(await this.readMonths(personId, months)).values()].flat(), from, to);
  }

  /** The shifts of each of a person's months, read in one store call; a month with none stored is left out. */
  async readMonths(personId: string, months: readonly MonthKey[]): Promise<Map<MonthKey, Shift[]>> {
    if (months.length === 0) return new Map();
    const ids = months.map((month) => rotaDocumentId(personId, month));
    const docs = (
      await Promise.all(
        inGroups(ids, MAX_READ_MANY).map((group) => this.store.readMany<RotaDoc>('rota', personId, group)),
      )
    ).flat();
    const monthOf = new Map(ids.map((id, i) => [id, months[i] as MonthKey]));
    return new Map(docs.map((found) => [monthOf.get(found.doc.id) as MonthKey, found.doc.shifts ?? []]));
  }

  async readMonth(personId: string, month: string): Promise<{ rota: RotaMonth; etag: string } | undefined> {
    const found = await this.store.read<RotaDoc>('rota', rotaDocumentId(personId, month), personId);
    return found ? { rota: found.doc, etag: found.etag } : undefined;
  }

  /** Writes a whole month whatever is stored (seeding); imports and syncs use `saveMonth`. */
  async writeMonth(rota: RotaMonth): Promise<void> {
    await this.store.upsert<RotaDoc>('rota', toRotaDoc(rota));
  }

  /**
   * Writes a month as it was read with `etag` (undefined: there was none), only if nobody has
   * written it since; a month left with no shifts is deleted. Rejects with VersionConflictError,
   * DocumentExistsError or DocumentNotFoundError when someone has: read it again and merge again.
   * The document lists the Microsoft Shifts teams its shifts came from, for `listShiftsTeamMonths`.
   */
  async saveMonth(rota: RotaMonth, etag: string | undefined): Promise<void> {
    if (rota.shifts.length === 0) {
      const id = rotaDocumentId(rota.personId, rota.month);
      if (etag !== undefined) await this.store.delete('rota', id, rota.personId, { ifMatch: etag });
      return;
    }
    const doc = toRotaDoc(rota);
    if (etag === undefined) await this.store.create<RotaDoc>('rota', doc);
    else await this.store.replace<RotaDoc>('rota', doc, { ifMatch: etag });
  }

  /**
   * The rota months, of anyone, among `months` that hold shifts read from one of these Microsoft
   * Shifts teams: one query across people, for the Shifts sync only (never on a person's path).
   */
  async listShiftsTeamMonths(
    teamIds: readonly string[],
    months: readonly string[],
  ): Promise<Array<{ personId: string; month: string }>> {
    if (teamIds.length === 0 || months.length === 0) return [];
    const found = await Promise.all(
      teamIds.map((teamId) =>
        this.store.query<RotaDoc>('rota', {
          where: [
            { field: SHIFTS_TEAMS, op: 'contains', value: teamId },
            { field: 'month', op: 'in', value: [...months] },
          ],
        }),
      ),
    );
    const keys = new Map(found.flat().map((doc) => [doc.id, { personId: doc.personId, month: doc.month }]));
    return [...keys.values()];
  }
}

/** The top-level field listing the Microsoft Shifts teams a month's shifts came from. */
const SHIFTS_TEAMS = 'shiftsTeams';

/** The stored form of a month: its id, and the Shifts teams its shifts came from when there are any. */
function toRotaDoc(rota: RotaMonth): RotaDoc {
  const teams = [...new Set(rota.shifts.flatMap((shift) => shift.shiftsTeam ?? []))].sort();
  return {
    personId: rota.personId,
    month: rota.month,
    shifts: rota.shifts,
    id: rotaDocumentId(rota.personId, rota.month),
    ...(teams.length > 0 ? { [SHIFTS_TEAMS]: teams } : {}),
  };
}

/** The list cut into groups of at most `size`, in order. */
function inGroups<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
