import type { Storage, StoreItems } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { cloneJson } from '../shared/cloneJson';
import type { ExpiringCache } from '../shared/expiringCache';
import { VersionConflictError, type DocumentStore } from '../store/documentStore';
import { stateDocumentId } from '../store/stateDocumentId';
import { mergeTurnState } from './mergeTurnState';

interface StateDoc {
  id: string;
  key: string;
  state: Record<string, unknown>;
  [field: string]: unknown;
}

/** A state document's state and version, as read. */
export interface KeptState {
  state: Record<string, unknown>;
  etag: string;
}

/**
 * This instance's recent copies of user state (teams-ai's user scope: only whether the person has
 * been welcomed), by state document id. Dropped when this instance writes or deletes the document;
 * otherwise used until it expires. A copy another instance has since changed can only show the
 * welcome card again, or not show it again after the person's data was erased elsewhere: it
 * decides nothing about what anyone may do. A write from a stale copy fails on its version and is
 * merged as before. Conversation state (a request or offer being written) is never kept.
 */
export type RecentUserState = ExpiringCache<KeptState>;

/** teams-ai's user scope key, `<channel>/<bot>/users/<user>`; a conversation's has `conversations`. */
export function isUserStateKey(key: string): boolean {
  return USER_STATE_KEY.test(key);
}

const USER_STATE_KEY = /^[^/]*\/[^/]*\/users\/[^/]*$/;

/** A version of a state as read, and how many readers of it have yet to write. */
interface AsRead {
  state: Record<string, unknown>;
  readers: number;
}

/** How many states as read are remembered for merging; turns that change nothing never ask for theirs. */
const REMEMBERED = 1000;
const MERGE_ATTEMPTS = 3;

/**
 * Bot turn state (teams-ai conversation and user scopes) kept in the `botstate` container of
 * whichever store is configured, so a half-finished conversation survives a restart. A write
 * that finds another turn saved first (the same person on another instance) is merged with it
 * field by field instead of failing the turn.
 */
export class BotStateStorage implements Storage {
  /** State as each turn read it, by key and version: the common ancestor for a merge. */
  private readonly asRead = new Map<string, AsRead>();

  constructor(
    private readonly store: DocumentStore,
    private readonly logger?: Logger,
    private readonly recent?: RecentUserState,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = stateDocumentId(key);
        const found = await this.readState(key, id);
        if (!found) return;
        // The state as read is never changed: kept as the base of a merge; the turn gets a copy.
        this.remember(key, found.etag, found.state);
        items[key] = { ...cloneJson(found.state), eTag: found.etag };
      }),
    );
    return items;
  }

  /**
   * User state from this instance's recent copy where it may be used, else from the store (a copy
   * of its own, which the recent copy may then share): never changed, only copied for the turn.
   */
  private async readState(key: string, id: string): Promise<KeptState | undefined> {
    const cache = this.recent && isUserStateKey(key) ? this.recent : undefined;
    const held = cache?.get(id);
    if (held) return held;
    const started = cache?.startRead() ?? 0;
    const found = await this.store.read<StateDoc>('botstate', id, id);
    if (!found) return undefined;
    const kept = { state: found.doc.state, etag: found.etag };
    cache?.set(id, kept, started);
    return kept;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const id = stateDocumentId(key);
        const { eTag, ...state } = (item ?? {}) as Record<string, unknown>;
        const doc: StateDoc = { id, key, state };
        if (typeof eTag !== 'string' || eTag === '*') return void (await this.store.upsert('botstate', doc));
        try {
          await this.store.replace('botstate', doc, { ifMatch: eTag });
        } catch (error) {
          const base = this.asRead.get(`${key}\n${eTag}`)?.state;
          if (!(error instanceof VersionConflictError) || !base) throw error;
          await this.merge(key, base, state);
        } finally {
          this.forget(`${key}\n${eTag}`);
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => this.store.delete('botstate', stateDocumentId(key), stateDocumentId(key))),
    );
  }

  /** Another turn saved first: keep both turns' changes where they do not touch the same field. */
  private async merge(
    key: string,
    base: Record<string, unknown>,
    ours: Record<string, unknown>,
  ): Promise<void> {
    const id = stateDocumentId(key);
    for (let attempt = 1; ; attempt += 1) {
      const latest = await this.store.read<StateDoc>('botstate', id, id);
      const { merged, clashes } = mergeTurnState(base, ours, latest?.doc.state ?? {});
      if (clashes.length)
        this.logger?.warn(
          { stateKey: id, fields: clashes },
          'turn state: a concurrent turn changed the same fields; kept its change',
        );
      try {
        if (latest)
          await this.store.replace('botstate', { id, key, state: merged }, { ifMatch: latest.etag });
        else await this.store.upsert('botstate', { id, key, state: merged });
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= MERGE_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Several readers of one version (turns of one conversation at once, a send's settling after its
   * answer) share its state as read: kept until the last of them has written.
   */
  private remember(key: string, etag: string, state: Record<string, unknown>): void {
    const id = `${key}\n${etag}`;
    const kept = this.asRead.get(id);
    if (kept) kept.readers += 1;
    else this.asRead.set(id, { state, readers: 1 });
    if (this.asRead.size > REMEMBERED) this.asRead.delete(this.asRead.keys().next().value as string);
  }

  private forget(id: string): void {
    const kept = this.asRead.get(id);
    if (kept && --kept.readers <= 0) this.asRead.delete(id);
  }
}
