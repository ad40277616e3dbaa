import type { DocumentStore } from '../store/documentStore';
import type { Deliverer } from './deliverOutbox';
import { redrawRequestCards } from './redrawAfterMove';
import type { Services } from './services';

/** Kind (and partition) of the `jobs` records that ask the running service to redraw a request's cards. */
const KIND = 'card_redraw';

interface CardRedrawDoc {
  id: string;
  kind: typeof KIND;
  visitorId: string;
  requestId: string;
  askedAt: string;
  [field: string]: unknown;
}

/**
 * Asks the running service to bring the cards already sent about these requests up to date: for
 * work done outside it (the CLI's rota import), which cannot reach Teams itself. One record per
 * request, so asking twice before the service gets to it asks once.
 */
export async function askForCardRedraws(
  store: DocumentStore,
  requests: ReadonlyArray<{ visitorId: string; requestId: string }>,
  now: Date,
): Promise<void> {
  for (const { visitorId, requestId } of requests)
    await store.upsert<CardRedrawDoc>('jobs', {
      id: `redraw:${requestId}`,
      kind: KIND,
      visitorId,
      requestId,
      askedAt: now.toISOString(),
    });
}

/**
 * The service's part: each request asked about has its parties' earlier cards drawn again where
 * what they show has changed (see redrawRequestCards), and the ask is then removed, unless it was
 * asked again meanwhile (it is done next time). Resolves how many requests were seen to.
 */
export async function redrawAskedCards(
  store: DocumentStore,
  services: Services,
  deliverer: Deliverer,
): Promise<number> {
  const asked = await store.queryVersioned<CardRedrawDoc>('jobs', { partitionKey: KIND });
  for (const { doc, etag } of asked) {
    await redrawRequestCards(services, deliverer, doc.visitorId, doc.requestId);
    await store.delete('jobs', doc.id, KIND, { ifMatch: etag }).catch(() => false);
  }
  return asked.length;
}
