import { CardFactory, type TurnContext } from 'botbuilder';
import { notificationId } from '../app/notifications';
import { newNotification } from '../app/notifyParties';
import { sendInWindow, type SendPermit } from '../app/sending/answeredWindow';
import type { Services } from '../app/services';
import type { ShadowingRequest } from '../domain/requests';
import { OPEN_STATES } from '../domain/workflow/transitions';
import { createMyRequestsCard } from './cards/myRequestsCard';
import { cardMessage } from './replies';

/** Where the id of the visitor's own request card is kept: an outbox record already marked sent. */
function cardRecordId(request: ShadowingRequest): string {
  return notificationId('request_update', request.id, request.visitorId, 'card');
}

/** Sends the visitor their request card and remembers it, so later decisions can update it in place. */
export async function sendVisitorRequestCard(
  context: TurnContext,
  services: Services,
  request: ShadowingRequest,
): Promise<void> {
  const sent = await context.sendActivity(
    cardMessage(createMyRequestsCard([request], OPEN_STATES), 'Your request'),
  );
  if (!sent?.id) return;
  const now = services.clock();
  await services.outbox.enqueue({
    ...newNotification('request_update', request, request.visitorId, 'card', now),
    status: 'sent',
    sentAt: now.toISOString(),
    activityId: sent.id,
  });
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
