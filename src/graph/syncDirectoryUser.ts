import type { DirectorySaveOutcome, PeopleRepository } from '../store/repositories/peopleRepository';
import type { GraphDirectory } from './graphDirectory';

export type DirectorySyncResult =
  | { outcome: DirectorySaveOutcome }
  /** The profession field is empty or names no staff group the bot knows, and the person is new. */
  | { outcome: 'skipped'; reason: 'profession not recognised' };

/**
 * Copies one person's Entra ID profile and line manager into the people the bot reads, through the
 * same repository the CSV import uses: roles and the conversation reference are kept. When the
 * profession field cannot be read, a person already known keeps their staff group.
 */
export async function syncDirectoryUser(
  directory: GraphDirectory,
  people: PeopleRepository,
  userId: string,
): Promise<DirectorySyncResult> {
  const [profile, managerId] = await Promise.all([
    directory.readProfile(userId),
    directory.readManagerId(userId),
  ]);
  const profession = profile.profession ?? (await people.findById(userId))?.profession;
  if (profession === undefined) return { outcome: 'skipped', reason: 'profession not recognised' };
  const outcome = await people.saveDirectoryEntry(profile.id, {
    email: profile.email,
    name: profile.name,
    jobTitle: profile.jobTitle,
    department: profile.department,
    profession,
    managerId,
  });
  return { outcome };
}
