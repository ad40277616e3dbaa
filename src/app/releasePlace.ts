import type { ShadowingRequest } from '../domain/requests';
import { HOLDING_STATES } from '../domain/workflow/transitions';
import type { HoldsRepository } from '../store/repositories/holdsRepository';

/** Frees the host's place once a request no longer holds it (cancelled, declined, expired...). */
export async function releasePlace(holds: HoldsRepository, request: ShadowingRequest): Promise<void> {
  if (HOLDING_STATES.includes(request.state) || !request.hostId || !request.offerId || !request.start) return;
  await holds.release(request.hostId, request.offerId, request.id, request.start);
}
