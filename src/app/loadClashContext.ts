import {
  chooseWorkingTimeRules,
  DEFAULT_WORKING_TIME_SETTINGS,
  type ClashContextInput,
  type HeldBooking,
  type WorkingTimeSettings,
} from '../domain/clash';
import type { HostOffer } from '../domain/offers';
import { HOLDING_STATES } from '../domain/workflow/transitions';
import type { Person } from '../domain/people';
import { plusLocalDays } from '../shared/plusLocalDays';
import type { HoldsRepository } from '../store/repositories/holdsRepository';
import type { RequestsRepository } from '../store/repositories/requestsRepository';
import type { RotaRepository } from '../store/repositories/rotaRepository';

export interface ClashSources {
  rota: Pick<RotaRepository, 'shiftsBetween'>;
  holds: Pick<HoldsRepository, 'holdsAround'>;
  /** The visitor's own requests, for their other pending or confirmed visits. */
  requests: Pick<RequestsRepository, 'listOpenForVisitor'>;
  /** Working-time rules per staff group; the shipped defaults when absent. */
  workingTime?: WorkingTimeSettings;
}

/**
 * Days of rota read either side of the window: the weekly rules look 7 days back and forward from
 * a working day, and a host has a rota if they have shifts within 14 days of the visit.
 */
export const ROTA_MARGIN_DAYS = 15;

/** Which host and offer a clash check is about, when the offer itself is still being read. */
export interface OfferRef {
  hostId: string;
  id: string;
}

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
  return (await readClashContext(sources, visitor, offer, window, requestId))(offer);
}

/**
 * The reads of loadClashContext, started from the offer's host and id alone, so that the offer can
 * be read at the same time. Resolves a function that puts the context together once the offer is
 * known; without an offer (it was not found) the host's rota and places are left out.
 */
export async function readClashContext(
  sources: ClashSources,
  visitor: Person,
  offer: OfferRef | undefined,
  window: { from: Date; to: Date },
  requestId?: string,
): Promise<(offer: HostOffer | undefined) => ClashContextInput> {
  const [visitorShifts, hostShifts, held, visitorBookings] = await readClashSources(
    sources,
    visitor.id,
    offer,
    window,
  );
  const heldBookings: HeldBooking[] = held.map((hold) => ({
    requestId: hold.requestId,
    start: hold.start,
    end: hold.end,
  }));
  const visitorRules = chooseWorkingTimeRules(visitor, sources.workingTime ?? DEFAULT_WORKING_TIME_SETTINGS);
  return (found) => ({
    visitorShifts,
    visitorRules,
    visitorBookings,
    ...(found && hostShifts ? { hostShifts } : {}),
    ...(found ? { offer: found, heldBookings } : {}),
    ...(requestId ? { requestId } : {}),
  });
}

/**
 * What the clash rules read, from ids alone: both rotas with their margins, the offer's places and
 * the visitor's other visits, all at once. Also used to read them ahead of a decision.
 */
export function readClashSources(
  sources: ClashSources,
  visitorId: string,
  offer: OfferRef | undefined,
  window: { from: Date; to: Date },
) {
  const { from, to } = rotaRangeAround(window);
  return Promise.all([
    sources.rota.shiftsBetween(visitorId, from, to),
    offer ? sources.rota.shiftsBetween(offer.hostId, from, to) : Promise.resolve(undefined),
    offer
      ? sources.holds.holdsAround(offer.hostId, offer.id, window.from.toISOString(), window.to.toISOString())
      : Promise.resolve([]),
    visitsOf(sources.requests, visitorId, window),
  ]);
}

/**
 * The rota range read for a window: ROTA_MARGIN_DAYS calendar days either side, at the same
 * wall-clock time in this process's time zone (as luxon's `minus`/`plus` of days gave it, without
 * the cost of luxon on every offer a search looks at).
 */
export function rotaRangeAround(window: { from: Date; to: Date }): { from: Date; to: Date } {
  return {
    from: plusLocalDays(window.from, -ROTA_MARGIN_DAYS),
    to: plusLocalDays(window.to, ROTA_MARGIN_DAYS),
  };
}

/**
 * The visitor's pending and confirmed visits that end after the window starts (a single-partition
 * read of their own requests; each person has only a few open ones).
 */
async function visitsOf(
  requests: ClashSources['requests'],
  visitorId: string,
  window: { from: Date; to: Date },
): Promise<HeldBooking[]> {
  const from = window.from.toISOString();
  return (await requests.listOpenForVisitor(visitorId))
    .filter((r) => r.start && r.end && HOLDING_STATES.includes(r.state) && r.end > from)
    .map((r) => ({ requestId: r.id, start: r.start as string, end: r.end as string }));
}
