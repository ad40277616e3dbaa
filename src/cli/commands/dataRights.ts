import { erasePersonData, type ErasureReport } from '../../app/dataRights/erasePersonData';
import { exportPersonData } from '../../app/dataRights/exportPersonData';
import type { DocumentStore } from '../../store/documentStore';
import { findQuarantinedPerson } from '../../app/dataRights/quarantinedData';
import { readOwnEntry } from '../../app/dataRights/personDirectory';
import { PeopleRepository } from '../../store/repositories/peopleRepository';
import type { TextOutput } from '../cliContext';
import { UsageError } from '../reportFailure';

export interface DataRightsDeps {
  store: DocumentStore;
  out: TextOutput;
  now: () => Date;
}

/** `data export --person <email>`: everything held about the person, as one JSON document on stdout. */
export async function runDataExport(deps: DataRightsDeps, options: { person: string }): Promise<void> {
  const person = await findPerson(deps.store, options.person);
  const exported = await exportPersonData(deps.store, person.id, deps.now());
  deps.out.write(`${JSON.stringify(exported, null, 2)}\n`);
}

/** `data erase --person <email> --yes`: erases the person's personal data; without --yes, does nothing. */
export async function runDataErase(
  deps: DataRightsDeps,
  options: { person: string; yes?: boolean },
): Promise<ErasureReport | undefined> {
  const person = await findPerson(deps.store, options.person);
  if (options.yes !== true) {
    throw new UsageError(
      `This erases the personal data of ${person.email ?? person.id} and cannot be undone. Run again with --yes to go ahead.`,
    );
  }
  const report = await erasePersonData(deps.store, person.id, {
    ...(person.email ? { email: person.email } : {}),
    ...(person.name ? { name: person.name } : {}),
  });
  deps.out.write(`${JSON.stringify({ erased: person.email ?? person.id, ...report })}\n`);
  return report;
}

/** Whom --person names: an email address, or (for someone whose directory entry is damaged) their id. */
type NamedPerson = { id: string; email?: string; name?: string };

/**
 * The person by email: in the directory, or with their directory entry set aside as unreadable. A
 * directory entry that is damaged but not yet set aside cannot be searched by email, so such a
 * person is named by their directory id (`doctor` lists damaged entries by id).
 */
async function findPerson(store: DocumentStore, given: string): Promise<NamedPerson> {
  const trimmed = given.trim();
  if (/^[^\s@]+@[^\s@]+$/.test(trimmed)) return findByEmail(store, trimmed);
  if (!/^[\w-]{3,255}$/.test(trimmed))
    throw new UsageError(`--person "${given}" is neither an email address nor a directory id.`);
  const entry = await readOwnEntry(store, trimmed);
  if (entry.state === 'readable') return { id: entry.doc.id, email: entry.doc.email, name: entry.doc.name };
  if (entry.state === 'damaged') return { id: trimmed };
  throw new UsageError(`--person: no one with id "${trimmed}" is in the staff directory.`);
}

async function findByEmail(store: DocumentStore, email: string): Promise<NamedPerson> {
  const person =
    (await new PeopleRepository(store).findByEmail(email)) ?? (await findQuarantinedPerson(store, email));
  if (person) return person;
  // Read the whole directory, so the store notes any entry it cannot read.
  await store.query('people');
  const damaged = store.damage.list().filter((d) => d.container === 'people').length;
  throw new UsageError(
    damaged === 0
      ? `--person: no one with email "${email}" is in the staff directory.`
      : `--person: no one with email "${email}" is in the staff directory as far as it can be read: ` +
          `${damaged} directory ${damaged === 1 ? 'entry is' : 'entries are'} damaged. ` +
          'If the person is one of them, give their directory id instead (`doctor` lists damaged entries by id).',
  );
}
