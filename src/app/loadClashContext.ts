import { DateTime } from 'luxon';
import type { ClashContextInput, HeldBooking } from '../domain/clash';
import type { HostOffer } from '../domain/offers';
import type { Person } from '../domain/people';
import type { HoldsRepository } from '../store/repositories/holdsRepository';
import type { RotaRepository } from '../store/repositories/rotaRepository';

export interface ClashSources {
  rota: RotaRepository;
  holds: HoldsRepository;
}

/**
 * Reads what the clash rules need for one visitor and one offer over a window: both rotas (with a
 * few days either side, for rest rules) and the requests already holding the host's places.
 */
export async function loadClashContext(
  sources: ClashSources,
  visitor: Person,
  offer: HostOffer | undefined,
  window: { from: Date; to: Date },
  requestId?: string,
): Promise<ClashContextInput> {
  const from = DateTime.fromJSDate(window.from).minus({ days: 8 }).toJSDate();
  const to = DateTime.fromJSDate(window.to).plus({ days: 3 }).toJSDate();
  const [visitorShifts, hostShifts, held] = await Promise.all([
    sources.rota.shiftsBetween(visitor.id, from, to),
    offer ? sources.rota.shiftsBetween(offer.hostId, from, to) : Promise.resolve(undefined),
    offer
      ? sources.holds.holdsAround(offer.hostId, offer.id, window.from.toISOString())
      : Promise.resolve([]),
  ]);
  const heldBookings: HeldBooking[] = held.map((hold) => ({
    requestId: hold.requestId,
    start: hold.start,
    end: hold.end,
  }));
  return {
    visitorShifts,
    visitorGroup: visitor.profession,
    ...(hostShifts ? { hostShifts } : {}),
    ...(offer ? { offer, heldBookings } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
