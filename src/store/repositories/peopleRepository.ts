import type { ConversationRef, Person } from '../../domain/people';
import { cloneJson } from '../../shared/cloneJson';
import type { ExpiringCache } from '../../shared/expiringCache';
import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../documentStore';

type PersonDoc = Person & { [field: string]: unknown };

/**
 * The fields a directory source owns; everything else on a person (roles, conversation) is kept.
 * The line manager is always owned: left undefined, it is cleared. Grade and rota coordinator are
 * owned only when the source has them: a key present (even set to undefined, which clears it)
 * replaces the stored value, and a key left out keeps it (Graph knows neither).
 */
export type DirectoryFields = Pick<
  Person,
  'email' | 'name' | 'jobTitle' | 'department' | 'profession' | 'managerId' | 'grade' | 'rotaCoordinatorId'
>;

const OPTIONAL_DIRECTORY_FIELDS = ['grade', 'rotaCoordinatorId'] as const;
const DIRECTORY_KEYS = [
  'email',
  'name',
  'jobTitle',
  'department',
  'profession',
  'managerId',
  ...OPTIONAL_DIRECTORY_FIELDS,
] as const;

export type DirectorySaveOutcome = 'created' | 'updated' | 'unchanged';

const SAVE_ATTEMPTS = 3;

/**
 * This instance's recent copies of people as `findVersioned` read them, by id: dropped when this
 * instance writes the person, otherwise used until they expire (see `findRecent`).
 */
export type RecentPeople = ExpiringCache<{ doc: Person; etag: string }>;

/** The staff directory, as the bot reads it on every turn: by id, one point read. */
export class PeopleRepository {
  constructor(
    private readonly store: DocumentStore,
    private readonly recent?: RecentPeople,
  ) {}

  async findById(id: string): Promise<Person | undefined> {
    return (await this.store.read<PersonDoc>('people', id, id))?.doc;
  }

  /** The person as stored now, with their version; kept as this instance's recent copy. */
  async findVersioned(id: string): Promise<{ doc: Person; etag: string } | undefined> {
    const started = this.recent?.startRead() ?? 0;
    const found = await this.store.read<PersonDoc>('people', id, id);
    if (found) this.recent?.set(id, cloneJson(found), started);
    return found;
  }

  /**
   * The person as this instance read them in the last few seconds, or undefined: possibly out of
   * date (changed or removed by another instance since). Only for recognising who sends a turn
   * that shows them their own data; never for deciding what anyone may do. With `test`, only a
   * copy that passes it (given the copy itself: look, do not change).
   */
  findRecent(
    id: string,
    test: (person: Readonly<Person>) => boolean = () => true,
  ): { doc: Person; etag: string } | undefined {
    const held = this.recent?.get(id);
    return held && test(held.doc) ? cloneJson(held) : undefined;
  }

  /** Whether this instance has a recent copy of the person that passes `test` (given the copy itself: look, do not change). */
  hasRecent(id: string, test: (person: Readonly<Person>) => boolean): boolean {
    const held = this.recent?.get(id);
    return held !== undefined && test(held.doc);
  }

  /**
   * Keeps the person's conversation reference current, so proactive messages can reach them.
   * Writes only when it changed; pass what was just read to save a second read. Teams sends the
   * installation and the conversation update together, so a write that lost to another turn
   * reads the person again and tries again, three attempts in all.
   */
  async rememberConversation(
    id: string,
    conversation: ConversationRef,
    read?: { doc: Person; etag: string },
  ): Promise<void> {
    let found = read ?? (await this.store.read<PersonDoc>('people', id, id));
    for (let attempt = 1; found; attempt += 1) {
      const same = JSON.stringify(found.doc.conversation) === JSON.stringify(conversation);
      if (same && found.doc.unreachableSince === undefined) return;
      const { unreachableSince: _dropped, ...rest } = found.doc;
      try {
        await this.store.replace<PersonDoc>('people', { ...rest, conversation }, { ifMatch: found.etag });
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt === SAVE_ATTEMPTS) throw error;
      }
      found = await this.store.read<PersonDoc>('people', id, id);
    }
  }

  /**
   * Records that proactive messages no longer reach the person (the app was removed). Kept until
   * they next talk to the bot, when their conversation is remembered again. Safe to repeat.
   */
  async markUnreachable(id: string, at: Date): Promise<void> {
    for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt += 1) {
      const found = await this.store.read<PersonDoc>('people', id, id);
      if (!found || found.doc.unreachableSince !== undefined) return;
      try {
        await this.store.replace<PersonDoc>(
          'people',
          { ...found.doc, unreachableSince: at.toISOString() },
          { ifMatch: found.etag },
        );
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt === SAVE_ATTEMPTS) throw error;
      }
    }
  }

  /** The person with this email (compared in lower case), if any. A cross-partition query. */
  async findByEmail(email: string): Promise<Person | undefined> {
    const found = await this.store.query<PersonDoc>('people', {
      where: [{ field: 'email', op: '=', value: email.trim().toLowerCase() }],
      limit: 1,
    });
    return found[0];
  }

  /** The whole directory: for administrative paths (imports), never on a turn. */
  /** The programme leads: a cross-partition query, for rare paths only (fallback approvals, digests). */
  async listProgrammeLeads(): Promise<Person[]> {
    return this.store.query<PersonDoc>('people', {
      where: [{ field: 'roles', op: 'contains', value: 'programme_lead' }],
    });
  }

  /** Everyone in one department, as the directory writes its name (a query across people). */
  async listByDepartment(department: string): Promise<Person[]> {
    return this.store.query<PersonDoc>('people', {
      where: [{ field: 'department', op: '=', value: department }],
    });
  }

  async listAll(): Promise<Person[]> {
    return this.store.query<PersonDoc>('people');
  }

  async upsert(person: Person): Promise<void> {
    await this.store.upsert<PersonDoc>('people', person as PersonDoc);
  }

  /**
   * Writes a directory entry for person `id`: creates the person (as staff) if new, otherwise
   * replaces only the directory's fields, keeping roles, the conversation reference and anything
   * else the bot wrote. A concurrent write by the bot is retried, never overwritten.
   */
  async saveDirectoryEntry(id: string, fields: DirectoryFields): Promise<DirectorySaveOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.trySaveDirectoryEntry(id, fields);
      } catch (error) {
        const raced = error instanceof VersionConflictError || error instanceof DocumentExistsError;
        if (!raced || attempt >= SAVE_ATTEMPTS) throw error;
      }
    }
  }

  private async trySaveDirectoryEntry(id: string, fields: DirectoryFields): Promise<DirectorySaveOutcome> {
    const found = await this.store.read<PersonDoc>('people', id, id);
    if (!found) {
      await this.store.create<PersonDoc>('people', {
        id,
        ...withoutUndefined(fields),
        roles: ['staff'],
      } as PersonDoc);
      return 'created';
    }
    const { managerId: _previousManager, ...kept } = found.doc;
    for (const key of OPTIONAL_DIRECTORY_FIELDS) if (key in fields) delete kept[key];
    const next = { ...kept, ...withoutUndefined(fields), id } as PersonDoc;
    if (sameFields(found.doc, next)) return 'unchanged';
    await this.store.replace<PersonDoc>('people', next, { ifMatch: found.etag });
    return 'updated';
  }
}

function withoutUndefined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

function sameFields(before: PersonDoc, after: PersonDoc): boolean {
  return DIRECTORY_KEYS.every((key) => before[key] === after[key]);
}
