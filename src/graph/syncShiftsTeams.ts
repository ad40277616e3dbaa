import type { IncomingShift } from '../domain/import/mergeShifts';
import type { PeopleRepository } from '../store/repositories/peopleRepository';
import type { RotaRepository } from '../store/repositories/rotaRepository';
import type { GraphDirectory } from './graphDirectory';
import { GraphNotFoundError } from './graphErrors';
import type { GraphShifts } from './graphShifts';
import { writeShiftsToRota, type RotaWriteResult } from './writeShiftsToRota';

export interface ShiftsSyncDependencies {
  shifts: GraphShifts;
  /** Finds the email of a Shifts user who is in the directory under an id from a file import. */
  directory: GraphDirectory;
  people: PeopleRepository;
  rota: RotaRepository;
}

export interface ShiftsSyncSummary extends RotaWriteResult {
  teamsRead: number;
  /** Teams Graph does not know, or that have no Shifts schedule. */
  teamsNotFound: string[];
  /** Shifts and time off for people the directory does not hold, left out. */
  entriesLeftOut: number;
  peopleLeftOut: number;
  /** Everyone whose shifts were read (changed or not). */
  syncedPeople: string[];
}

/**
 * Reads each team's published shifts and time off in the window from Microsoft Shifts and files
 * them into the rota months the clash checks read. A Shifts user is matched to a person by Entra
 * ID object id, else by email; people the directory does not hold are left out (and counted).
 * Reading the same window again adds nothing.
 */
export async function syncShiftsTeams(
  deps: ShiftsSyncDependencies,
  teamIds: readonly string[],
  from: Date,
  to: Date,
): Promise<ShiftsSyncSummary> {
  const entries: IncomingShift[] = [];
  const teamsNotFound: string[] = [];
  for (const teamId of teamIds) {
    try {
      entries.push(...(await deps.shifts.readRota(teamId, from, to)));
    } catch (error) {
      if (!(error instanceof GraphNotFoundError)) throw error;
      teamsNotFound.push(teamId);
    }
  }
  const personIds = await matchPeople(deps, new Set(entries.map((entry) => entry.personId)));
  const matched = entries.flatMap((entry) => {
    const personId = personIds.get(entry.personId);
    return personId ? [{ personId, shift: entry.shift }] : [];
  });
  const written = await writeShiftsToRota(deps.rota, matched);
  const unmatched = [...new Set(entries.map((entry) => entry.personId))].filter((id) => !personIds.has(id));
  return {
    ...written,
    teamsRead: teamIds.length - teamsNotFound.length,
    teamsNotFound,
    entriesLeftOut: entries.length - matched.length,
    peopleLeftOut: unmatched.length,
    syncedPeople: [...new Set(matched.map((entry) => entry.personId))],
  };
}

/** Shifts user ids to person ids, for those the directory holds. */
async function matchPeople(
  deps: ShiftsSyncDependencies,
  userIds: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const userId of userIds) {
    const personId = await matchPerson(deps, userId);
    if (personId) found.set(userId, personId);
  }
  return found;
}

async function matchPerson(deps: ShiftsSyncDependencies, userId: string): Promise<string | undefined> {
  if (await deps.people.findById(userId)) return userId;
  let email: string;
  try {
    email = (await deps.directory.readProfile(userId)).email;
  } catch (error) {
    if (error instanceof GraphNotFoundError) return undefined;
    throw error;
  }
  return email === '' ? undefined : (await deps.people.findByEmail(email))?.id;
}
