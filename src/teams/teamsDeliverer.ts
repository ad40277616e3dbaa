import type { ConversationReference, TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { describeRequest } from '../app/describeRequest';
import type { Deliverer, DeliveryOutcome } from '../app/deliverOutbox';
import type { Notification } from '../app/notifications';
import type { Services } from '../app/services';
import type { Person } from '../domain/people';
import type { ShadowingRequest } from '../domain/requests';
import type { AdaptiveCardJson } from './cards/cardTypes';
import {
  mayShowHistory,
  needsAlternatives,
  renderNotification,
  renderStandaloneNotification,
} from './renderNotification';
import { classifyFailure } from './classifyFailure';
import { withSingleAttempt } from './connectorHttpClient';
import { cardMessage } from './replies';
import type { SendLimiter } from '../app/sending/sendRateLimiter';
import { refreshVisitorRequestCard } from './visitorRequestCard';
import type { RecentRequestViews } from '../app/sending/recentRequestViews';
import type { Logger } from '../logging/logger';
import type { Sleep } from '../shared/retryWhileFailing';
import { refreshEarlierCards, type EarlierCardsDeps } from './earlierCards';
import { digestOfCard } from './cardDigest';
import { createMovedOnCard } from './cards/movedOnCard';
import { viewerOf } from '../domain/workflow/viewers';

/** A third of the outbox's 60-second claim: a send and the visitor's card update both fit inside it. */
export const SEND_TIMEOUT_MS = 20_000;

/** Sends queued messages as proactive Teams cards, within Teams' rate limits. */
export class TeamsDeliverer implements Deliverer {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly services: Services,
    private readonly limiter: SendLimiter,
    /**
     * How long one send may take before it is cut off and tried again later: well inside the
     * outbox's claim. A test may instead give each send's deadline itself, to cut it off on an event.
     */
    private readonly sendTimeout: number | (() => AbortSignal) = SEND_TIMEOUT_MS,
    /** Cards about one request described once for the messages sent close together (a fan-out). */
    private readonly views?: RecentRequestViews,
    private readonly logger?: Logger,
    /** How a retry of a write after a card was updated waits (tests: a wait that ends at once). */
    private readonly sleep?: Sleep,
  ) {}

  async deliver(
    person: Person,
    notification: Notification,
    request: ShadowingRequest | undefined,
  ): Promise<DeliveryOutcome> {
    const reference = person.conversation as Partial<ConversationReference> | undefined;
    if (!reference?.conversation?.id) return { status: 'unreachable' };
    const card = request
      ? await this.requestCard(person, notification, request)
      : renderStandaloneNotification(await this.withOfferAsItIs(notification));
    // Answered once the message's own request is answered (or the callback never ran): see AnsweredWindow.
    const permit = await this.limiter.take(reference.conversation.id);
    // A failure inside the callback is caught there: thrown, the adapter would hand it to the
    // turn-error handler, which swallows it, and the message would be recorded as sent.
    let failure: { error: unknown } | undefined;
    let activityId: string | undefined;
    let drawn: string | undefined;
    let sent = false;
    try {
      const deadline =
        typeof this.sendTimeout === 'number' ? AbortSignal.timeout(this.sendTimeout) : this.sendTimeout();
      await withSingleAttempt(deadline, () =>
        this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
          try {
            activityId = (await context.sendActivity(cardMessage(card, 'Job shadowing')))?.id;
            drawn = digestOfCard(card);
            sent = true;
          } catch (error) {
            failure = { error };
            return;
          } finally {
            permit.answered();
          }
          if (!request) return;
          if (person.id === request.visitorId)
            await refreshVisitorRequestCard(context, this.services, request, (id) => this.limiter.take(id));
          await this.refreshEarlier(context, person, notification, request);
        }),
      );
    } catch (error) {
      // Once the message is sent, only the updates of earlier cards were cut short: it is not sent again.
      if (sent)
        this.logger?.warn({ err: error, notificationId: notification.id }, 'earlier cards left as they were');
      else failure ??= { error };
    } finally {
      permit.answered();
    }
    if (failure) return this.heldBackIfThrottled(classifyFailure(failure.error));
    return { status: 'sent', ...(activityId ? { activityId, ...(drawn ? { drawn } : {}) } : {}) };
  }

  /**
   * Brings `person`'s earlier cards about `request` up to date with no message beside them: after
   * they acted (all but `clicked`, the card the answer to their press replaced), or when the
   * request closed without a word to them. Never throws.
   */
  async redrawEarlier(person: Person, request: ShadowingRequest, clicked?: string): Promise<number> {
    const reference = person.conversation as Partial<ConversationReference> | undefined;
    if (!reference?.conversation?.id) return 0;
    let updated = 0;
    try {
      const deadline =
        typeof this.sendTimeout === 'number' ? AbortSignal.timeout(this.sendTimeout) : this.sendTimeout();
      await withSingleAttempt(deadline, () =>
        this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
          updated = await refreshEarlierCards(
            context,
            this.earlierCardsDeps(),
            person,
            request,
            clicked ? { clicked } : {},
          );
        }),
      );
    } catch (error) {
      this.logger?.warn({ err: error, requestId: request.id }, 'earlier cards left as they were');
    }
    return updated;
  }

  /**
   * The recipient's earlier cards about the request, each drawn again only if what it shows has
   * changed (see refreshEarlierCards): one whose buttons no longer apply (a cancelled visit, a
   * release someone else decided) loses them and points to this message. A request just sent has
   * no earlier cards, so none are looked for.
   */
  private async refreshEarlier(
    context: TurnContext,
    person: Person,
    notification: Notification,
    request: ShadowingRequest,
  ): Promise<void> {
    if (request.history.length <= 1) return;
    await refreshEarlierCards(context, this.earlierCardsDeps(), person, request, { latest: notification });
  }

  private earlierCardsDeps(): EarlierCardsDeps {
    return {
      outbox: this.services.outbox,
      cardFor: (recipient, earlier, current) => this.requestCard(recipient, earlier, current),
      movedOnCardFor: async (recipient, current) => {
        const view = this.views
          ? await this.views.describe(this.services, current, { known: [recipient] })
          : await describeRequest(this.services, current, { known: [recipient] });
        return createMovedOnCard(
          view,
          viewerOf(current, { id: recipient.id, isProgrammeLead: true }) ?? 'programme_lead',
        );
      },
      take: (conversationId) => this.limiter.take(conversationId),
      // A 429 on an update pauses every instance's sends, as a send's 429 does.
      throttled: async (retryAfterMs) => this.limiter.throttled?.(retryAfterMs),
      ...(this.logger ? { logger: this.logger } : {}),
      ...(this.sleep ? { sleep: this.sleep } : {}),
    };
  }

  /**
   * A 429 pauses every instance's sends (see SendLimiter.throttled); the message is tried again no
   * earlier than its own Retry-After and no earlier than the pause ends (without Retry-After, the
   * outbox's back-off, at least 5 s, already outlasts any pause). If the store cannot note the
   * pause, the message still waits as the connector asked.
   */
  private async heldBackIfThrottled(outcome: DeliveryOutcome): Promise<DeliveryOutcome> {
    if (outcome.status !== 'retry' || outcome.httpStatus !== 429 || !this.limiter.throttled) return outcome;
    const paused = await this.limiter.throttled(outcome.retryAfterMs).catch(() => 0);
    if (outcome.retryAfterMs === undefined) return outcome;
    return { ...outcome, retryAfterMs: Math.max(paused, outcome.retryAfterMs) };
  }

  /**
   * An induction card names the offer as it is when sent, not as it was when queued: the host may
   * have renamed it (or changed its setting) in the meantime. A removed offer keeps the old words.
   */
  private async withOfferAsItIs(notification: Notification): Promise<Notification> {
    if (notification.kind !== 'induction_terms' || !notification.offer) return notification;
    const found = await this.services.offers.find(notification.visitorId, notification.offer.id);
    if (!found) return notification;
    const { id, title, setting } = found.offer;
    return { ...notification, offer: { id, title, setting } };
  }

  /** The card, from the request as read for this send; the recipient, just read too, is not read again. */
  private async requestCard(
    recipient: Person,
    notification: Notification,
    request: ShadowingRequest,
  ): Promise<AdaptiveCardJson> {
    const options = {
      withAlternatives: needsAlternatives(notification, request.state),
      withHistory: mayShowHistory(notification),
      known: [recipient],
    };
    const view = this.views
      ? await this.views.describe(this.services, request, options)
      : await describeRequest(this.services, request, options);
    return renderNotification(notification, view);
  }
}
