import type { ShadowingRequest } from '../domain/requests';
import { OPEN_STATES } from '../domain/workflow/transitions';
import type { Deliverer } from './deliverOutbox';
import {
  KINDS_WITH_BUTTONS,
  REQUESTLESS_KINDS,
  type Notification,
  type NotificationKind,
} from './notifications';
import { listProgrammeLeads } from './programmeLeads';
import type { Services } from './services';

/** The card someone pressed a button on to make a move; the answer to the press has replaced it. */
export interface PressedCard {
  by: string;
  /** Its Teams activity id; unknown, none of that person's cards is drawn again (it may be the one). */
  activityId?: string;
}

/**
 * After a move, the earlier cards of the people it sent no message to are brought up to date (a
 * message's delivery brings its recipient's up to date): the person who made it, all but the card
 * they pressed, and anyone else who may hold a card with buttons about the request: its parties,
 * whoever arranges cover, and the programme leads once the request has closed or has no manager
 * (an escalation or an approval routed to them). Each card is drawn again only if what it shows
 * has changed (see refreshEarlierCards), so people without such cards cost a read and no update.
 */
export async function redrawAfterMove(
  services: Services,
  deliverer: Deliverer,
  queued: readonly Notification[],
  pressed?: PressedCard,
): Promise<void> {
  if (!deliverer.redrawEarlier) return;
  for (const [requestId, told] of recipientsByRequest(queued)) {
    // Only asked to approve: the request was just sent, and nobody holds an earlier card about it.
    if (told.kinds.size === 1 && told.kinds.has('approval_needed')) continue;
    const found = await services.requests.find(told.visitorId, requestId);
    if (!found || found.request.history.length <= 1) continue;
    await redrawCardsOf(services, deliverer, found.request, told.people, pressed);
  }
}

/**
 * Every earlier card with buttons about one request brought up to date, whoever holds it, when a
 * change was made outside the service (a rota import from the command line) and nobody may have
 * been sent a message about it. Nothing when the request is gone.
 */
export async function redrawRequestCards(
  services: Services,
  deliverer: Deliverer,
  visitorId: string,
  requestId: string,
): Promise<void> {
  if (!deliverer.redrawEarlier) return;
  const found = await services.requests.find(visitorId, requestId);
  if (found) await redrawCardsOf(services, deliverer, found.request, new Set());
}

/** The cards of those who may hold one about the request, but for `told` and the card pressed. */
async function redrawCardsOf(
  services: Services,
  deliverer: Deliverer,
  request: ShadowingRequest,
  told: ReadonlySet<string>,
  pressed?: PressedCard,
): Promise<void> {
  for (const personId of await mayHoldCards(services, request, pressed)) {
    if (told.has(personId)) continue;
    const clicked = pressed?.by === personId ? pressed.activityId : undefined;
    if (pressed?.by === personId && clicked === undefined) continue;
    if (!(await holdsCards(services, personId, request.id, clicked))) continue;
    const person = await services.people.findById(personId);
    if (person) await deliverer.redrawEarlier?.(person, request, clicked);
  }
}

interface Told {
  visitorId: string;
  people: Set<string>;
  kinds: Set<NotificationKind>;
}

/** The requests the messages are about, each with who was sent one and what kinds. */
function recipientsByRequest(queued: readonly Notification[]): Map<string, Told> {
  const byRequest = new Map<string, Told>();
  for (const notification of queued) {
    if (REQUESTLESS_KINDS.has(notification.kind)) continue;
    const entry = byRequest.get(notification.requestId) ?? {
      visitorId: notification.visitorId,
      people: new Set<string>(),
      kinds: new Set<NotificationKind>(),
    };
    entry.people.add(notification.personId);
    entry.kinds.add(notification.kind);
    byRequest.set(notification.requestId, entry);
  }
  return byRequest;
}

async function mayHoldCards(
  services: Services,
  request: ShadowingRequest,
  pressed: PressedCard | undefined,
): Promise<string[]> {
  const leadsMayHold = !OPEN_STATES.includes(request.state) || !request.managerId;
  const leads = leadsMayHold ? (await listProgrammeLeads(services)).map((lead) => lead.id) : [];
  const people = [request.visitorId, request.managerId, request.hostId, request.coverArrangerId, pressed?.by];
  return [...new Set([...people, ...leads])].filter((id): id is string => id !== undefined);
}

/** Whether the person was sent a card with buttons about the request (other than `clicked`). */
async function holdsCards(
  services: Services,
  personId: string,
  requestId: string,
  clicked: string | undefined,
): Promise<boolean> {
  return (await services.outbox.listAbout(personId, requestId)).some(
    (n) =>
      n.status === 'sent' &&
      n.activityId !== undefined &&
      n.activityId !== clicked &&
      KINDS_WITH_BUTTONS.has(n.kind),
  );
}
