import { CardFactory, type TurnContext } from 'botbuilder';
import type { PressedCard } from '../app/redrawAfterMove';
import type { Logger } from '../logging/logger';
import type { AdaptiveCardJson } from './cards/cardTypes';

/** The card whose button `by` pressed: Teams names the message holding it in the invoke's replyToId. */
export function pressedCard(context: TurnContext, by: string): PressedCard {
  const activityId = context.activity.replyToId;
  return { by, ...(activityId ? { activityId } : {}) };
}

/**
 * Draws `card` in place of the card whose plain-submit button was pressed (named in replyToId): such
 * a press gets no card in answer. Best effort: resolves false when no card is named or Teams would
 * not update it (deleted, too old, unreachable), so the caller can answer in words instead.
 */
export async function redrawPressedCard(
  context: TurnContext,
  card: AdaptiveCardJson,
  logger: Pick<Logger, 'warn'>,
): Promise<boolean> {
  const cardId = context.activity.replyToId;
  if (!cardId) return false;
  try {
    await context.updateActivity({
      type: 'message',
      id: cardId,
      attachments: [CardFactory.adaptiveCard(card)],
    });
    return true;
  } catch (error) {
    logger.warn({ err: error, activityId: cardId }, 'pressed card not redrawn, so answered in words');
    return false;
  }
}
