import { DateTime } from 'luxon';
import type { ClashContextInput, HeldBooking } from '../domain/clash';
import type { HostOffer } from '../domain/offers';
import type { Person } from '../domain/people';
import { HOLDING_STATES } from '../domain/workflow/transitions';
import type { RotaRepository } from '../store/repositories/rotaRepository';
import type { TasksRepository } from '../store/repositories/tasksRepository';

export interface ClashSources {
  rota: RotaRepository;
  tasks: TasksRepository;
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
    offer ? sources.tasks.listFor(offer.hostId, 'host', HOLDING_STATES) : Promise.resolve([]),
  ]);
  const heldBookings: HeldBooking[] = held
    .filter((task) => task.offerId === offer?.id && task.start && task.end)
    .map((task) => ({ requestId: task.requestId, start: task.start as string, end: task.end as string }));
  return {
    visitorShifts,
    visitorGroup: visitor.profession,
    ...(hostShifts ? { hostShifts } : {}),
    ...(offer ? { offer, heldBookings } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
