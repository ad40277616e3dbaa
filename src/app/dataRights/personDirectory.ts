import type { ErasedPerson } from '../../domain/dataRights/anonymise';
import type { Person } from '../../domain/people';
import type { DamagedDocument } from '../../store/damageLog';
import { UnreadableDocumentError, type Doc, type DocumentStore } from '../../store/documentStore';

type PersonDoc = Person & { [field: string]: unknown };

export const ANOTHER_PERSON = '[another member of staff]';

/**
 * The person's own directory entry: readable; damaged (stored, but it cannot be read and has not
 * been set aside yet); or not there.
 */
export type OwnEntry = { state: 'readable'; doc: PersonDoc } | { state: 'damaged' } | { state: 'missing' };

export async function readOwnEntry(store: DocumentStore, personId: string): Promise<OwnEntry> {
  try {
    const found = await store.read<PersonDoc & Doc>('people', personId, personId);
    return found ? { state: 'readable', doc: found.doc } : { state: 'missing' };
  } catch (error) {
    if (error instanceof UnreadableDocumentError) return { state: 'damaged' };
    throw error;
  }
}

/**
 * The person's own documents the store has met and could not read, not yet set aside: those in
 * their partitions (their directory entry among them) and their chat states (`stateIds`). Read
 * the person's partitions first: the store notes a damaged document when a read or query meets it.
 */
export function damagedOwnDocuments(
  store: DocumentStore,
  personId: string,
  stateIds: readonly string[] = [],
): DamagedDocument[] {
  return store.damage
    .list()
    .filter(
      (d) =>
        d.container !== 'quarantine' &&
        (d.partitionKey === personId || (d.container === 'botstate' && stateIds.includes(d.id))),
    );
}

/** Everyone else in the directory, as the words that would identify them. */
export async function otherPeople(store: DocumentStore, personId: string): Promise<ErasedPerson[]> {
  const everyone = await store.query<PersonDoc>('people');
  return everyone.filter((p) => p.id !== personId).map((p) => ({ id: p.id, email: p.email, name: p.name }));
}

/**
 * Replaces other people's ids, emails and full names in every string of `value` with a neutral
 * phrase: the last safeguard that one person's export says nothing about anyone else.
 */
export function withoutOtherPeople<T>(value: T, others: readonly ErasedPerson[]): T {
  const needles = others
    .flatMap((p) => [p.id, p.email, p.name])
    .filter((n): n is string => Boolean(n && n.trim().length >= 3))
    .sort((a, b) => b.length - a.length);
  if (needles.length === 0) return value;
  const pattern = new RegExp(needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return item.replace(pattern, ANOTHER_PERSON);
    if (Array.isArray(item)) return item.map(walk);
    if (item && typeof item === 'object')
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>).map(([k, v]) => [k, walk(v)]),
      );
    return item;
  };
  return walk(value) as T;
}

/** The bot-state document ids (conversation and user scopes) for a person's stored Teams conversation. */
export function botStateKeys(person: Person): string[] {
  const ref = person.conversation as
    | { channelId?: string; bot?: { id?: string }; conversation?: { id?: string }; user?: { id?: string } }
    | undefined;
  if (!ref?.channelId || !ref.bot?.id) return [];
  const base = `${ref.channelId}/${ref.bot.id}`;
  return [
    ...(ref.conversation?.id ? [`${base}/conversations/${ref.conversation.id}`] : []),
    ...(ref.user?.id ? [`${base}/users/${ref.user.id}`] : []),
  ];
}
