import type { ContainerName } from '../../src/store/containers';
import type { Doc, DocumentStore } from '../../src/store/documentStore';

/**
 * The containers that hold the organisation's data. Bot turn state (`botstate`) is left out: a
 * valid message may start a conversation there. The scheduler's lease (`jobs`) is left out too.
 */
export const DOMAIN_CONTAINERS: readonly ContainerName[] = [
  'requests',
  'tasks',
  'outbox',
  'offers',
  'people',
  'exchanges',
  'rota',
];

/** The small, busy containers: cheap enough to compare around every single case. */
export const BUSY_CONTAINERS: readonly ContainerName[] = ['requests', 'tasks', 'outbox', 'offers'];

/**
 * Every document in the named containers, sorted, as one JSON string. A person's conversation
 * reference and reachability are left out: every turn from a known person refreshes them.
 */
export async function snapshotContainers(
  store: DocumentStore,
  containers: readonly ContainerName[] = DOMAIN_CONTAINERS,
): Promise<string> {
  const parts: Record<string, unknown[]> = {};
  for (const container of containers) {
    const docs = await store.query<Doc>(container);
    parts[container] = docs
      .map((doc) => (container === 'people' ? withoutConversation(doc) : doc))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
  return JSON.stringify(parts);
}

function withoutConversation(doc: Doc): Doc {
  const { conversation: _conversation, unreachableSince: _unreachable, ...rest } = doc;
  return rest as Doc;
}
