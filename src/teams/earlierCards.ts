import { CardFactory, type TurnContext } from 'botbuilder';
import { COVER_ASKING_STEPS, KINDS_WITH_BUTTONS, type Notification } from '../app/notifications';
import { coverWaitingOn } from '../domain/cover/dueCoverActions';
import { sendInWindow, type SendPermit } from '../app/sending/answeredWindow';
import type { Logger } from '../logging/logger';
import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import type { OutboxRepository, StoredNotification } from '../store/repositories/outboxRepository';
import { digestOfCard, offersButtons } from './cardDigest';
import type { AdaptiveCardJson } from './cards/cardTypes';
import { classifyFailure } from './classifyFailure';
import { retryWhileFailing, type Sleep } from '../shared/retryWhileFailing';

/**
 * How long to wait before each further try at noting what an updated card now shows, when the
 * store fails the write: a card whose note is lost is drawn again at the next change, as what it
 * showed before (a card pointing to a newer message would then turn into a status card).
 */
export const DRAWN_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1_000];

/**
 * The message as it is to be drawn again. A note saying why someone was asked to act (the manager
 * cannot be reached, the request has waited, cover has waited) is dropped once the request no
 * longer waits for that: the card then says what has happened instead.
 */
function asNow(notification: Notification, request: ShadowingRequest): Notification {
  if (notification.note === undefined || !noLongerWaits(notification, request)) return notification;
  const { note: _asked, ...rest } = notification;
  return rest;
}

function noLongerWaits(notification: Notification, request: ShadowingRequest): boolean {
  if (notification.kind === 'approval_needed' || notification.kind === 'escalation')
    return request.state !== 'awaiting_manager';
  const asked = Object.values(COVER_ASKING_STEPS).some((step) => notification.id.includes(`:${step}`));
  return asked && coverWaitingOn(request) === undefined;
}

export interface EarlierCardsDeps {
  outbox: OutboxRepository;
  /** The card a message becomes for its recipient, drawn from the request as it is now. */
  cardFor(
    recipient: Person,
    notification: Notification,
    request: ShadowingRequest,
  ): Promise<AdaptiveCardJson>;
  /** The short card that points to a newer message instead of repeating it (see createMovedOnCard). */
  movedOnCardFor(recipient: Person, request: ShadowingRequest): Promise<AdaptiveCardJson>;
  /** Waits for a slot in the chat's share of Teams' rate, as a send does; the permit hears of the answer. */
  take(conversationId: string): Promise<SendPermit>;
  /** The connector answered 429: every instance's sends are paused, as after a send's 429. */
  throttled?(retryAfterMs: number | undefined): Promise<unknown>;
  logger?: Logger;
  /** How a retry of noting what a card shows waits (tests: a wait that ends at once). */
  sleep?: Sleep;
}

export interface EarlierCardsOptions {
  /** The message being sent with these updates: it says where the request stands, so they need not. */
  latest?: Notification;
  /** The card the person has just pressed a button on: the answer to that press has replaced it. */
  clicked?: string;
}

/**
 * Brings `person`'s earlier cards about `request` in `context`'s chat up to date, each only when
 * what it would show has changed since it was last drawn (its fingerprint is kept with the
 * message). A card whose buttons still work is drawn as it now asks. A card whose buttons can no
 * longer work loses them: beside a newer message it points to that message instead of repeating
 * it; without one (the person acted elsewhere, or the request closed without a word to them) it
 * says where the request stands. Best effort: a card that cannot be updated (deleted, too old,
 * Teams unreachable) is logged and left as it was, and tried again next time; its buttons are then
 * refused politely if pressed. A 429 pauses every instance's sends, as a send's does. Never throws.
 * Resolves how many cards were updated.
 */
export async function refreshEarlierCards(
  context: TurnContext,
  deps: EarlierCardsDeps,
  person: Person,
  request: ShadowingRequest,
  options: EarlierCardsOptions = {},
): Promise<number> {
  let earlier: StoredNotification[];
  try {
    earlier = (await deps.outbox.listAboutVersioned(person.id, request.id)).filter(
      ({ notification: n }) =>
        n.id !== options.latest?.id &&
        n.status === 'sent' &&
        n.activityId !== undefined &&
        n.activityId !== options.clicked &&
        KINDS_WITH_BUTTONS.has(n.kind),
    );
  } catch (error) {
    deps.logger?.warn({ err: error, requestId: request.id }, 'earlier cards not found, so left as they were');
    return 0;
  }
  let updated = 0;
  for (const stored of earlier)
    if (await redrawIfChanged(context, deps, person, request, stored, options)) updated += 1;
  return updated;
}

/**
 * The card as it should now be drawn: as it now asks while its buttons work; once they cannot,
 * the card pointing to the newer message beside it, or (with none) where the request stands. A
 * card already pointing to a newer message stays as it is: it stays true, and drawing it as a
 * status card and back would repeat what the chat already says.
 */
async function cardNow(
  deps: EarlierCardsDeps,
  person: Person,
  request: ShadowingRequest,
  notification: Notification,
  options: EarlierCardsOptions,
): Promise<AdaptiveCardJson> {
  const card = await deps.cardFor(person, asNow(notification, request), request);
  if (offersButtons(card)) return card;
  const movedOn = await deps.movedOnCardFor(person, request);
  return options.latest || notification.drawn === digestOfCard(movedOn) ? movedOn : card;
}

async function redrawIfChanged(
  context: TurnContext,
  deps: EarlierCardsDeps,
  person: Person,
  request: ShadowingRequest,
  stored: StoredNotification,
  options: EarlierCardsOptions,
): Promise<boolean> {
  const { notification } = stored;
  const fields = { notificationId: notification.id, requestId: request.id, state: request.state };
  try {
    const card = await cardNow(deps, person, request, notification, options);
    const drawn = digestOfCard(card);
    if (notification.drawn === drawn) return false;
    await sendInWindow(deps.take, context.activity.conversation.id, () =>
      context.updateActivity({
        type: 'message',
        id: notification.activityId,
        attachments: [CardFactory.adaptiveCard(card)],
      }),
    );
    // Not noted (someone else redrew it meanwhile, or the store stayed away): compared again next time.
    await retryWhileFailing(
      () => deps.outbox.recordDrawn(stored, drawn),
      DRAWN_RETRY_DELAYS_MS,
      deps.sleep,
    ).catch(() => false);
    deps.logger?.info(fields, 'earlier card brought up to date');
    return true;
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.status === 'retry' && failure.httpStatus === 429)
      await deps.throttled?.(failure.retryAfterMs).catch(() => undefined);
    deps.logger?.warn(
      { err: error, ...fields, ...('httpStatus' in failure ? { httpStatus: failure.httpStatus } : {}) },
      'earlier card could not be brought up to date; its buttons are refused if pressed',
    );
    return false;
  }
}
