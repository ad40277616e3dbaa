import type { TurnContext } from 'botbuilder';
import type { PressedCard } from '../app/redrawAfterMove';

/** The card whose button `by` pressed: Teams names the message holding it in the invoke's replyToId. */
export function pressedCard(context: TurnContext, by: string): PressedCard {
  const activityId = context.activity.replyToId;
  return { by, ...(activityId ? { activityId } : {}) };
}
