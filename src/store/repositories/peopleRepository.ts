import type { ConversationRef, Person } from '../../domain/people';
import type { DocumentStore } from '../documentStore';

type PersonDoc = Person & { [field: string]: unknown };

/** The staff directory, as the bot reads it on every turn: by id, one point read. */
export class PeopleRepository {
  constructor(private readonly store: DocumentStore) {}

  async findById(id: string): Promise<Person | undefined> {
    return (await this.store.read<PersonDoc>('people', id, id))?.doc;
  }

  /** Keeps the person's conversation reference current, so proactive messages can reach them. */
  async rememberConversation(id: string, conversation: ConversationRef): Promise<void> {
    const found = await this.store.read<PersonDoc>('people', id, id);
    if (!found) return;
    const same = JSON.stringify(found.doc.conversation) === JSON.stringify(conversation);
    if (same && found.doc.unreachableSince === undefined) return;
    const { unreachableSince: _dropped, ...rest } = found.doc;
    await this.store.replace<PersonDoc>('people', { ...rest, conversation }, { ifMatch: found.etag });
  }
}
