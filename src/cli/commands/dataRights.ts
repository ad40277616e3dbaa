import { erasePersonData, type ErasureReport } from '../../app/dataRights/erasePersonData';
import { exportPersonData } from '../../app/dataRights/exportPersonData';
import type { Person } from '../../domain/people';
import type { DocumentStore } from '../../store/documentStore';
import { findQuarantinedPerson } from '../../app/dataRights/quarantinedData';
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
      `This erases the personal data of ${person.email} and cannot be undone. Run again with --yes to go ahead.`,
    );
  }
  const report = await erasePersonData(deps.store, person.id, { email: person.email, name: person.name });
  deps.out.write(`${JSON.stringify({ erased: person.email, ...report })}\n`);
  return report;
}

/** The person by email: in the directory, or with their directory entry set aside as unreadable. */
async function findPerson(
  store: DocumentStore,
  email: string,
): Promise<Pick<Person, 'id' | 'email'> & { name?: string }> {
  const trimmed = email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(trimmed))
    throw new UsageError(`--person "${email}" is not an email address.`);
  const person =
    (await new PeopleRepository(store).findByEmail(trimmed)) ?? (await findQuarantinedPerson(store, trimmed));
  if (!person) throw new UsageError(`--person: no one with email "${trimmed}" is in the staff directory.`);
  return person;
}
