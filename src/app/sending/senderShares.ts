import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../../store/documentStore';

/**
 * The instances sending from the outbox, each with when it last listed due messages. Every
 * instance sends first to its own share of the people (see ownShare), so two instances do not
 * race for the same messages; a message is still claimed on its own, so a share only orders work
 * and never decides who may send.
 */
export interface OutboxSendersDoc {
  id: typeof OUTBOX_SENDERS_ID;
  kind: typeof OUTBOX_SENDERS_ID;
  /** Instance id -> milliseconds since 1970 when it last listed due messages. */
  seen: Record<string, number>;
  [field: string]: unknown;
}

export const OUTBOX_SENDERS_ID = 'outbox-senders';

/** An instance that has not listed due messages for this long is taken to have stopped sending. */
export const SENDER_SILENT_MS = 10_000;
/** An instance writes that it is still sending at most this often (it reads the list every time). */
const REFRESH_MS = SENDER_SILENT_MS / 5;
/** Writes lost to another instance before this one gives up and takes everyone as its own. */
const MAX_CONFLICTS = 5;

/** Whether a person is this instance's to send to first; `instances`: how many share the people. */
export type OwnShare = ((personId: string) => boolean) & { instances: number };

/** Everyone is this instance's own. */
export const EVERYONE: OwnShare = Object.assign(() => true, { instances: 1 });

/**
 * Notes in the store that `instance` is sending (keeping the list to the instances heard from in
 * the last SENDER_SILENT_MS) and resolves its share: the people whose id hashes to its place
 * among the live instances, in order of id. One instance alone, or a store that keeps refusing the
 * write, shares nothing out: everyone is its own.
 */
export async function claimOwnShare(store: DocumentStore, instance: string, now: number): Promise<OwnShare> {
  for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts += 1) {
    const found = await store.read<OutboxSendersDoc>('jobs', OUTBOX_SENDERS_ID, OUTBOX_SENDERS_ID);
    const live = liveSenders(found?.doc.seen ?? {}, now);
    const fresh = (live[instance] ?? -Infinity) > now - REFRESH_MS;
    const stale = Object.keys(found?.doc.seen ?? {}).length !== Object.keys(live).length;
    if (found && fresh && !stale) return shareOf(Object.keys(live), instance);
    const seen = { ...live, [instance]: now };
    const doc: OutboxSendersDoc = { id: OUTBOX_SENDERS_ID, kind: OUTBOX_SENDERS_ID, seen };
    try {
      if (found) await store.replace('jobs', doc, { ifMatch: found.etag });
      else await store.create('jobs', doc);
      return shareOf(Object.keys(seen), instance);
    } catch (error) {
      if (!(error instanceof DocumentExistsError || error instanceof VersionConflictError)) throw error;
    }
  }
  return EVERYONE;
}

/** Those heard from lately; one stamped far ahead (a clock that was wrong) is not believed. */
function liveSenders(seen: Record<string, number>, now: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(seen).filter(([, at]) => at > now - SENDER_SILENT_MS && at <= now + SENDER_SILENT_MS),
  );
}

function shareOf(instances: readonly string[], instance: string): OwnShare {
  const ordered = [...instances].sort();
  const place = ordered.indexOf(instance);
  if (ordered.length <= 1 || place < 0) return EVERYONE;
  const isOwn = (personId: string) => hashOf(personId) % ordered.length === place;
  return Object.assign(isOwn, { instances: ordered.length });
}

/** FNV-1a, 32 bits: the same person always falls in the same share. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
