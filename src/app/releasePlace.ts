import type { ShadowingRequest } from '../domain/requests';
import type { HoldsRepository } from '../store/repositories/holdsRepository';

/**
 * States that give the host's place back. A completed visit (or a no-show) keeps counting against
 * the host's weekly and monthly limits, so it keeps its place.
 */
const RELEASING: ReadonlySet<ShadowingRequest['state']> = new Set([
  'cancelled',
  'declined_by_manager',
  'declined_by_host',
  'expired',
]);

/** Frees the host's place once a request no longer holds it. */
export async function releasePlace(holds: HoldsRepository, request: ShadowingRequest): Promise<void> {
  if (!RELEASING.has(request.state) || !request.hostId || !request.offerId || !request.start) return;
  await holds.release(request.hostId, request.offerId, request.id, request.start);
}
