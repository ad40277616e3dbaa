import { DatabaseSync } from 'node:sqlite';
import type { Person } from '../../src/domain/people';
import type { DocumentStore } from '../../src/store/documentStore';
import { SqliteDocumentStore } from '../../src/store/sqlite/sqliteDocumentStore';

/**
 * Damages one stored person the way each store can be damaged: a truncated row in the embedded
 * database (its first 60 characters kept, or all but its last 10 when `cut` is 'end'), a
 * document without a usable name in Cosmos DB (its bodies are always JSON).
 */
export async function damagePerson(
  store: DocumentStore,
  person: Person,
  cut: 'most' | 'end' = 'most',
): Promise<void> {
  if (store instanceof SqliteDocumentStore) {
    const db = new DatabaseSync(store.file);
    const kept = cut === 'end' ? 'length(body) - 10' : '60';
    try {
      db.prepare(
        `UPDATE documents SET body = substr(body, 1, ${kept}) WHERE container = 'people' AND id = ?`,
      ).run(person.id);
    } finally {
      db.close();
    }
    return;
  }
  const { name: _name, ...rest } = person;
  await store.upsert('people', { ...rest, name: 42 } as never);
}
