import type { ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { describeRequest } from '../app/describeRequest';
import type { Deliverer, DeliveryOutcome } from '../app/deliverOutbox';
import type { Notification } from '../app/notifications';
import type { Services } from '../app/services';
import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import { readRetryAfter } from '../shared/readRetryAfter';
import type { AdaptiveCardJson } from './cards/cardTypes';
import { renderDigestNotification } from './cards/digestCard';
import { needsAlternatives, renderNotification } from './renderNotification';
import { cardMessage } from './replies';
import type { SendRateLimiter } from './sendRateLimiter';
import { refreshVisitorRequestCard } from './visitorRequestCard';

/** Sends queued messages as proactive Teams cards, within Teams' rate limits. */
export class TeamsDeliverer implements Deliverer {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly services: Services,
    private readonly limiter: SendRateLimiter,
  ) {}

  async deliver(
    person: Person,
    notification: Notification,
    request: ShadowingRequest | undefined,
  ): Promise<DeliveryOutcome> {
    const reference = person.conversation as Partial<ConversationReference> | undefined;
    if (!reference?.conversation?.id) return { status: 'unreachable' };
    const card = request
      ? await this.requestCard(notification, request)
      : renderDigestNotification(notification);
    await this.limiter.take(reference.conversation.id);
    try {
      let activityId: string | undefined;
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        activityId = (await context.sendActivity(cardMessage(card, 'Job shadowing')))?.id;
        if (request && person.id === request.visitorId)
          await refreshVisitorRequestCard(context, this.services, request);
      });
      return { status: 'sent', ...(activityId ? { activityId } : {}) };
    } catch (error) {
      return classifyFailure(error);
    }
  }

  private async requestCard(
    notification: Notification,
    request: ShadowingRequest,
  ): Promise<AdaptiveCardJson> {
    const first = await describeRequest(this.services, request);
    const view = needsAlternatives(notification, first)
      ? await describeRequest(this.services, request, { withAlternatives: true })
      : first;
    return renderNotification(notification, view);
  }
}

/** How long a 429 waits when its Retry-After is missing or unreadable. */
const DEFAULT_RETRY_AFTER_MS = 2000;

/** 429: wait as told. 403 / 404: the app was removed or the chat is gone. Anything else: retry later. */
export function classifyFailure(error: unknown, nowMs: number = Date.now()): DeliveryOutcome {
  const e = error as {
    statusCode?: number;
    response?: { headers?: { get?: (n: string) => string | null | undefined } };
  };
  if (e.statusCode === 403 || e.statusCode === 404) return { status: 'unreachable' };
  if (e.statusCode === 429)
    return {
      status: 'retry',
      error: 'throttled',
      retryAfterMs: Math.max(
        readRetryAfter(e.response?.headers?.get?.('retry-after'), nowMs) ?? DEFAULT_RETRY_AFTER_MS,
        1,
      ),
    };
  return { status: 'retry', error: error instanceof Error ? error.name : 'send failed' };
}
