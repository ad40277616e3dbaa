import { DateTime } from 'luxon';
import {
  chooseWorkingTimeRules,
  DEFAULT_WORKING_TIME_SETTINGS,
  type ClashContextInput,
  type HeldBooking,
  type WorkingTimeSettings,
} from '../domain/clash';
import type { HostOffer } from '../domain/offers';
import type { Person } from '../domain/people';
import type { HoldsRepository } from '../store/repositories/holdsRepository';
import type { RotaRepository } from '../store/repositories/rotaRepository';

export interface ClashSources {
  rota: RotaRepository;
  holds: HoldsRepository;
  /** Working-time rules per staff group; the shipped defaults when absent. */
  workingTime?: WorkingTimeSettings;
}

/**
 * Days of rota read either side of the window: the weekly rules look 7 days back and forward from
 * a working day, and a host has a rota if they have shifts within 14 days of the visit.
 */
export const ROTA_MARGIN_DAYS = 15;

/**
 * Reads what the clash rules need for one visitor and one offer over a window: both rotas (with
 * margins either side, for rest and weekly rules), the visitor's working-time rules and the
 * requests already holding the host's places.
 */
export async function loadClashContext(
  sources: ClashSources,
  visitor: Person,
  offer: HostOffer | undefined,
  window: { from: Date; to: Date },
  requestId?: string,
): Promise<ClashContextInput> {
  const from = DateTime.fromJSDate(window.from).minus({ days: ROTA_MARGIN_DAYS }).toJSDate();
  const to = DateTime.fromJSDate(window.to).plus({ days: ROTA_MARGIN_DAYS }).toJSDate();
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
    visitorRules: chooseWorkingTimeRules(visitor, sources.workingTime ?? DEFAULT_WORKING_TIME_SETTINGS),
    ...(hostShifts ? { hostShifts } : {}),
    ...(offer ? { offer, heldBookings } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
