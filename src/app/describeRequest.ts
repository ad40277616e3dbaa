import { DateTime } from 'luxon';
import { suggestSlots } from '../domain/clash';
import type { HostOffer } from '../domain/offers';
import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import type { Shift } from '../domain/rota';
import { LONDON } from '../domain/time/formatVisit';
import { loadClashContext } from './loadClashContext';
import { describeRelease, type ReleaseView } from './describeRelease';
import type { Services } from './services';

export type RotaStatus = 'rostered_on' | 'on_call' | 'not_rostered' | 'on_leave';

/** Everything a card about a request shows, gathered in one place. */
export interface RequestView {
  request: ShadowingRequest;
  visitor?: Person;
  manager?: Person;
  host?: Person;
  offer?: HostOffer;
  /** Whether the visitor is rostered during the visit: release and cover are needed if so. */
  visitorRota: RotaStatus;
  /** Completed visits this calendar year, before this one; not read unless asked for (`withHistory`). */
  doneThisYear?: number;
  /** Hours of those visits. */
  hoursThisYear?: number;
  /** What the visit asks the visitor's manager to release, from the rota as it is now. */
  release?: ReleaseView;
  /** For the host: other free times they could propose. */
  alternativeSlots: Array<{ start: string; end: string }>;
  /** The person the card is drawn for, when known: what they did themselves reads "you". */
  readerId?: string;
}

export interface DescribeOptions {
  /** The host's other free times (a card asking the host to decide). */
  withAlternatives?: boolean;
  /**
   * The visitor's shadowing this year, which only the manager's cards show (a query of the
   * visitor's completed visits). On unless a caller knows its card does not show it.
   */
  withHistory?: boolean;
  /** People the caller has just read afresh (e.g. the recipient of a message): not read again. */
  known?: readonly Person[];
}

export async function describeRequest(
  services: Services,
  request: ShadowingRequest,
  options: DescribeOptions = {},
): Promise<RequestView> {
  const { withHistory = true } = options;
  const person = (id: string) => options.known?.find((p) => p.id === id) ?? services.people.findById(id);
  const { start, end } = request;
  // The visitor's rota during the visit, read once with the rest for both the rota line and the release.
  const [visitor, manager, host, offer, history, shifts] = await Promise.all([
    person(request.visitorId),
    request.managerId ? person(request.managerId) : undefined,
    request.hostId ? person(request.hostId) : undefined,
    request.hostId && request.offerId
      ? services.offers.find(request.hostId, request.offerId).then((f) => f?.offer)
      : undefined,
    withHistory ? services.requests.listCompletedForVisitor(request.visitorId) : undefined,
    start && end ? services.rota.shiftsBetween(request.visitorId, new Date(start), new Date(end)) : undefined,
  ]);
  const visitorRota = shifts ? rotaStatus(shifts) : 'not_rostered';
  const alternativeSlots =
    options.withAlternatives && visitor && offer ? await alternatives(services, visitor, offer, request) : [];
  const release =
    visitor && start && end && shifts
      ? await describeRelease(services, visitor, { start, end }, shifts)
      : undefined;
  return {
    request,
    visitor,
    manager,
    host,
    offer,
    visitorRota,
    ...(history ? shadowingThisYear(history, request.id, services.clock()) : {}),
    ...(release ? { release } : {}),
    alternativeSlots,
  };
}

/** Completed visits in this London calendar year other than `requestId`, and their hours. */
function shadowingThisYear(
  completed: readonly ShadowingRequest[],
  requestId: string,
  now: Date,
): Pick<RequestView, 'doneThisYear' | 'hoursThisYear'> {
  const year = DateTime.fromJSDate(now).setZone(LONDON).year;
  const done = completed.filter(
    (r) =>
      r.id !== requestId &&
      r.state === 'completed' &&
      r.start &&
      DateTime.fromISO(r.start).setZone(LONDON).year === year,
  );
  const hoursThisYear =
    Math.round(done.reduce((sum, r) => sum + hoursBetween(r.start, r.end), 0) * 100) / 100;
  return { doneThisYear: done.length, hoursThisYear };
}

function hoursBetween(start: string | undefined, end: string | undefined): number {
  if (!start || !end) return 0;
  return Math.max(0, Date.parse(end) - Date.parse(start)) / 3_600_000;
}

function rotaStatus(shifts: readonly Shift[]): RotaStatus {
  if (shifts.some((s) => ['duty', 'night', 'long_day', 'training'].includes(s.kind))) return 'rostered_on';
  if (shifts.some((s) => s.kind === 'on_call')) return 'on_call';
  // Time away for a reason not recorded counts as leave here: the card never says why.
  if (shifts.some((s) => ['annual_leave', 'study_leave', 'absence'].includes(s.kind))) return 'on_leave';
  return 'not_rostered';
}

/** The next free times in the two weeks after the requested one, for a host who cannot do it. */
async function alternatives(
  services: Services,
  visitor: Person,
  offer: HostOffer,
  request: ShadowingRequest,
): Promise<Array<{ start: string; end: string }>> {
  const now = services.clock().getTime();
  const from = new Date(Math.max(now, new Date(request.start ?? now).getTime()) + 60 * 60 * 1000);
  const to = DateTime.fromJSDate(from).plus({ days: 28 }).toJSDate();
  const context = await loadClashContext(services, visitor, offer, { from, to }, request.id);
  const length = request.length === 'pm' || request.length === 'full_day' ? request.length : 'am';
  return suggestSlots({ ...context, from: from.toISOString(), to: to.toISOString(), length, count: 4 }).map(
    (s) => ({
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
    }),
  );
}
