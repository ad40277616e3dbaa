import type { IncomingShift } from '../domain/import/mergeShifts';
import { shiftsReplaceScope } from '../domain/import/replaceScopes';
import { londonMonthsAround } from '../domain/time/monthKeys';
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
  /** Everyone whose shifts were read (changed or not), and everyone who held entries from these teams. */
  syncedPeople: string[];
}

/**
 * Reads each team's published shifts and time off in the window from Microsoft Shifts and files
 * them into the rota months the clash checks read. Shifts is the authority for what it was read
 * for: an entry read earlier from one of these teams that starts and ends in the window and is no
 * longer there (deleted, or moved) is removed, whoever holds it; entries from files, the demo or
 * teams not read are kept. A Shifts user is matched to a person by Entra ID object id, else by
 * email; people the directory does not hold are left out (and counted). Reading the same window
 * again changes nothing.
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
  const teamsRead = teamIds.filter((teamId) => !teamsNotFound.includes(teamId));
  // Months holding entries from these teams, whoever they belong to: someone with no entries left
  // in the window (moved to another team, say) loses theirs too.
  const heldMonths = await deps.rota.listShiftsTeamMonths(
    teamsRead,
    londonMonthsAround(from.getTime(), to.getTime() - 1, 0, 0),
  );
  const syncedPeople = [...new Set([...matched, ...heldMonths].map((entry) => entry.personId))];
  const teams = new Set(teamsRead);
  const written = await writeShiftsToRota(deps.rota, matched, {
    scopes: syncedPeople.map((personId) => shiftsReplaceScope(personId, teams, from, to)),
    scopeMonths: heldMonths,
  });
  const unmatched = [...new Set(entries.map((entry) => entry.personId))].filter((id) => !personIds.has(id));
  return {
    ...written,
    teamsRead: teamsRead.length,
    teamsNotFound,
    entriesLeftOut: entries.length - matched.length,
    peopleLeftOut: unmatched.length,
    syncedPeople,
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
