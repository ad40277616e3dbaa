import { CardFactory, type TurnContext } from 'botbuilder';
import { notificationId, type Notification } from '../app/notifications';
import { newNotification } from '../app/notifyParties';
import { sendInWindow, type SendPermit } from '../app/sending/answeredWindow';
import type { Services } from '../app/services';
import type { ShadowingRequest } from '../domain/requests';
import { OPEN_STATES } from '../domain/workflow/transitions';
import { createMyRequestsCard } from './cards/myRequestsCard';
import { retryWhileFailing } from '../shared/retryWhileFailing';
import { cardMessage } from './replies';
import type { TurnTools } from './turnTools';

/** Where the id of the visitor's own request card is kept: an outbox record already marked sent. */
function cardRecordId(request: ShadowingRequest): string {
  return notificationId('request_update', request.id, request.visitorId, 'card');
}

/** How long the record of a sent request card is tried again while the store fails it. */
export const CARD_RECORD_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1_000];

/**
 * Sends the visitor their request card and remembers it, so later decisions can update it in
 * place. The card is already in the chat when it is recorded, so a store failing that write is
 * asked again a few times; if it stays away the turn still ends as it is (the request was sent),
 * and the log says what the visitor will see.
 */
export async function sendVisitorRequestCard(
  context: TurnContext,
  services: Services,
  request: ShadowingRequest,
  { logger, sleep }: TurnTools,
): Promise<void> {
  const sent = await context.sendActivity(
    cardMessage(createMyRequestsCard([request], OPEN_STATES), 'Your request'),
  );
  if (!sent?.id) return;
  const now = services.clock();
  const record: Notification = {
    ...newNotification('request_update', request, request.visitorId, 'card', now),
    status: 'sent',
    sentAt: now.toISOString(),
    activityId: sent.id,
  };
  try {
    // A write whose answer was lost is found stored on the next try, which then stores nothing.
    await retryWhileFailing(() => services.outbox.enqueue(record), CARD_RECORD_RETRY_DELAYS_MS, sleep);
  } catch (error) {
    logger.error(
      { err: error, requestId: request.id, activityId: sent.id },
      "visitor's request card sent, but the store could not record it: the card will not be updated in place, " +
        'so it keeps showing the request as just sent; each later change reaches the visitor as a new message',
    );
  }
}

/**
 * Brings the visitor's request card up to date, if one was sent in this conversation, in a slot of
 * Teams' rate (`take`), as every request to the Bot Connector goes. Best effort.
 */
export async function refreshVisitorRequestCard(
  context: TurnContext,
  services: Services,
  request: ShadowingRequest,
  take: (conversationId: string) => Promise<SendPermit>,
): Promise<void> {
  try {
    const record = await services.outbox.find(request.visitorId, cardRecordId(request));
    const activityId = record?.notification.activityId;
    if (!activityId) return;
    await sendInWindow(take, context.activity.conversation.id, () =>
      context.updateActivity({
        type: 'message',
        id: activityId,
        attachments: [CardFactory.adaptiveCard(createMyRequestsCard([request], OPEN_STATES))],
      }),
    );
  } catch {
    // The card may have been deleted or be too old to edit, or the record unreadable just now;
    // the new message still tells them.
  }
}
