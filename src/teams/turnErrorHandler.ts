import { randomBytes } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { StoreUnavailableError, UnreadableDocumentError } from '../store/documentStore';

/** A short reference a person can quote to the service desk; the log holds the details under it. */
export function newReference(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

export function friendlyErrorMessage(error: unknown, reference: string): string {
  if (error instanceof UnreadableDocumentError) {
    return `Sorry, a record I need for this is damaged and cannot be read, so I could not finish it. Nothing you have already told me is lost. So that it can be put right, please give your IT service desk this reference: ${reference}.`;
  }
  if (error instanceof StoreUnavailableError) {
    return `Sorry, I can't reach my records just now, so I could not finish that. Nothing you have already told me is lost. Please try again in a minute. If it keeps happening, give your IT service desk this reference: ${reference}.`;
  }
  return `Sorry, something went wrong on my side and I could not finish that. Please try again in a minute. If it keeps happening, give your IT service desk this reference: ${reference}.`;
}

/**
 * A proactive send runs as a turn of its own (a "ContinueConversation" event the bot made up):
 * nobody asked for anything, so nobody is told of its failure; the outbox records and retries it.
 */
function isProactive(context: TurnContext): boolean {
  const activity = context.activity;
  return activity?.type === 'event' && activity.name === 'ContinueConversation';
}

/**
 * The one place a failed turn ends: the person gets a friendly message with a reference, the log
 * gets the error with the same reference. No error text or stack ever reaches the person, and
 * nothing is sent during a proactive send.
 */
export function createTurnErrorHandler(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const reference = newReference();
    const activity = context.activity;
    logger.error(
      {
        reference,
        err: error,
        activityId: activity?.id,
        activityType: activity?.type,
        conversationId: activity?.conversation?.id,
        ...(error instanceof UnreadableDocumentError
          ? { unreadableDocument: `${error.container}/${error.id}` }
          : {}),
      },
      'turn failed',
    );
    if (isProactive(context)) return;
    try {
      if (activity?.type === 'invoke') {
        await context.sendActivity({
          type: 'invokeResponse',
          value: {
            status: 200,
            body: {
              statusCode: 200,
              type: 'application/vnd.microsoft.activity.message',
              value: friendlyErrorMessage(error, reference),
            },
          },
        });
      } else {
        await context.sendActivity(friendlyErrorMessage(error, reference));
      }
    } catch (sendError) {
      logger.error({ reference, err: sendError }, 'could not tell the user about a failed turn');
    }
  };
}
