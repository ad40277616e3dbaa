import type { Application } from '@microsoft/teams-ai';
import type { Logger } from '../../logging/logger';
import type { AppTurnState } from '../appTurnState';

export const UNKNOWN_BUTTON =
  'That button is from an old or unknown card, so I have not done anything. Type "help" to see what you can do.';

/**
 * The last stop for an invoke no route took: a card button with an unknown verb or an unreadable
 * payload gets a polite message in place of the card (never the 501 the framework would send), and
 * any other kind of invoke, which this bot never asks Teams for, is refused with 400.
 */
export function registerUnhandledInvoke(app: Application<AppTurnState>, logger: Logger): void {
  app.activity('invoke', async (context) => {
    const cardAction = context.activity.name === 'adaptiveCard/action';
    logger.warn({ activityId: context.activity.id, cardAction }, 'invoke not recognised');
    await context.sendActivity({
      type: 'invokeResponse',
      value: cardAction
        ? {
            status: 200,
            body: {
              statusCode: 200,
              type: 'application/vnd.microsoft.activity.message',
              value: UNKNOWN_BUTTON,
            },
          }
        : {
            status: 400,
            body: { code: 'BadRequest', message: 'This bot does not handle that kind of request.' },
          },
    });
  });
}
