import type { Storage, StoreItems } from 'botbuilder';
import type { DocumentStore } from '../store/documentStore';

interface StateDoc {
  id: string;
  key: string;
  state: Record<string, unknown>;
  [field: string]: unknown;
}

/** Bot Framework state keys contain '/', which document ids may not: store them base64url-encoded. */
export function stateDocumentId(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/**
 * Bot turn state (teams-ai conversation and user scopes) kept in the `botstate` container of
 * whichever store is configured, so a half-finished conversation survives a restart.
 */
export class BotStateStorage implements Storage {
  constructor(private readonly store: DocumentStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = stateDocumentId(key);
        const found = await this.store.read<StateDoc>('botstate', id, id);
        if (found) items[key] = { ...found.doc.state, eTag: found.etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const id = stateDocumentId(key);
        const { eTag, ...state } = (item ?? {}) as Record<string, unknown>;
        const doc: StateDoc = { id, key, state };
        if (typeof eTag === 'string' && eTag !== '*') {
          await this.store.replace('botstate', doc, { ifMatch: eTag });
        } else {
          await this.store.upsert('botstate', doc);
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => this.store.delete('botstate', stateDocumentId(key), stateDocumentId(key))),
    );
  }
}
