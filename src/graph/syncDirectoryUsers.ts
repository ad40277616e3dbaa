import type { DirectorySaveOutcome, PeopleRepository } from '../store/repositories/peopleRepository';
import type { GraphDirectory } from './graphDirectory';
import { GraphNotFoundError } from './graphErrors';
import { syncDirectoryUser } from './syncDirectoryUser';
import { mapWithConcurrency } from '../shared/mapWithConcurrency';

export type DirectorySkipReason =
  | 'staff group not recognised'
  /** Someone with the same email is already in the directory under an id from a file import. */
  | 'in the directory under another id'
  | 'not found in Entra ID';

export interface DirectorySyncSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Line managers outside the scope, added so that approvals can reach them. */
  managersAdded: number;
  skipped: Array<{ id: string; reason: DirectorySkipReason }>;
}

type OneOutcome = { outcome: DirectorySaveOutcome } | { outcome: 'skipped'; reason: DirectorySkipReason };

/** Users synced at once: Graph throttles a tenant's app well before this matters. */
export const SYNC_CONCURRENCY = 4;

/**
 * Copies each user's Entra ID profile and line manager into the people the bot reads, keeping the
 * Entra ID object id as the person id. Then adds, once, any line manager who is outside the list
 * and not yet known, so their approvals have someone to go to. Syncing again changes nothing.
 */
export async function syncDirectoryUsers(
  directory: GraphDirectory,
  people: PeopleRepository,
  ids: readonly string[],
  concurrency = SYNC_CONCURRENCY,
): Promise<DirectorySyncSummary> {
  const summary: DirectorySyncSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    managersAdded: 0,
    skipped: [],
  };
  const synced: string[] = [];
  await mapWithConcurrency(ids, concurrency, async (id) => {
    const result = await syncOne(directory, people, id);
    if (result.outcome === 'skipped') summary.skipped.push({ id, reason: result.reason });
    else {
      summary[result.outcome] += 1;
      synced.push(id);
    }
  });
  const managers = await findMissingManagers(directory, people, synced, new Set(ids));
  await mapWithConcurrency(managers, concurrency, async (id) => {
    const result = await syncOne(directory, people, id);
    if (result.outcome === 'created') summary.managersAdded += 1;
    else if (result.outcome === 'skipped') summary.skipped.push({ id, reason: result.reason });
  });
  summary.skipped.sort((a, b) => a.id.localeCompare(b.id));
  return summary;
}

async function syncOne(directory: GraphDirectory, people: PeopleRepository, id: string): Promise<OneOutcome> {
  let profile;
  try {
    profile = await directory.readProfile(id);
  } catch (error) {
    if (error instanceof GraphNotFoundError) return { outcome: 'skipped', reason: 'not found in Entra ID' };
    throw error;
  }
  if (!(await people.findById(profile.id)) && profile.email !== '') {
    const sameEmail = await people.findByEmail(profile.email);
    if (sameEmail && sameEmail.id !== profile.id)
      return { outcome: 'skipped', reason: 'in the directory under another id' };
  }
  const result = await syncDirectoryUser(directory, people, profile.id);
  return result.outcome === 'skipped' ? { outcome: 'skipped', reason: 'staff group not recognised' } : result;
}

/** Managers of the synced people who are neither in the list nor in the directory. Read from the directory's cache. */
async function findMissingManagers(
  directory: GraphDirectory,
  people: PeopleRepository,
  synced: readonly string[],
  listed: ReadonlySet<string>,
): Promise<string[]> {
  const missing = new Set<string>();
  for (const id of synced) {
    const managerId = await directory.readManagerId(id);
    if (managerId && !listed.has(managerId) && !missing.has(managerId) && !(await people.findById(managerId)))
      missing.add(managerId);
  }
  return [...missing];
}
