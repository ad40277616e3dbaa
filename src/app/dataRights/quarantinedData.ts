import { mentionsPerson, type ErasedPerson } from '../../domain/dataRights/anonymise';
import type { DocumentStore } from '../../store/documentStore';
import type { QuarantinedDocument } from '../../store/quarantineDocument';

/** A person's documents that could not be read and were set aside, and others' that mention them. */
export interface QuarantinedFor {
  /** Stored in the person's own partition (or their directory entry or chat state): theirs. */
  own: QuarantinedDocument[];
  /** Someone else's document whose stored text names the person. */
  mentioning: QuarantinedDocument[];
}

/**
 * Reads the quarantine container across partitions (it is small, and this is a rare request of
 * the data protection officer). A set-aside document is the person's own when it came from their
 * partition, was their directory entry, or was one of their chat states (`stateIds`).
 */
export async function quarantinedFor(
  store: DocumentStore,
  person: ErasedPerson,
  stateIds: readonly string[] = [],
): Promise<QuarantinedFor> {
  const all = await store.query<QuarantinedDocument>('quarantine');
  const isOwn = (q: QuarantinedDocument) => isOwnQuarantined(q, person.id, stateIds);
  return {
    own: all.filter(isOwn),
    mentioning: all.filter((q) => !isOwn(q) && mentionsPerson(q.stored, person)),
  };
}

/** Whether a quarantined document is the person's own (see quarantinedFor). */
export function isOwnQuarantined(
  doc: Record<string, unknown>,
  personId: string,
  stateIds: readonly string[],
): boolean {
  return (
    doc.partitionKey === personId ||
    doc.documentId === personId ||
    (doc.from === 'botstate' && typeof doc.documentId === 'string' && stateIds.includes(doc.documentId))
  );
}

/**
 * The person whose directory entry was set aside, found by the email in its stored text: the
 * entry cannot be read, so the email is looked for as written (any case, in quotes).
 */
export async function findQuarantinedPerson(
  store: DocumentStore,
  email: string,
): Promise<{ id: string; email: string; name?: string } | undefined> {
  const needle = `"${email.toLowerCase()}"`;
  const entries = await store.query<QuarantinedDocument>('quarantine', { partitionKey: 'people' });
  const found = entries.find((q) => q.stored.toLowerCase().includes(needle));
  if (!found) return undefined;
  // The name too, when what is left of the entry still has it whole.
  const name = /"name"\s*:\s*"([^"\\]{3,})"/.exec(found.stored)?.[1];
  return { id: found.documentId, email, ...(name ? { name } : {}) };
}
