import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from './cards/cardTypes';

export function cardMessage(card: AdaptiveCardJson, summary?: string): Partial<Activity> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (summary) message.summary = summary;
  return message;
}

export async function sendCard(
  context: TurnContext,
  card: AdaptiveCardJson,
  summary?: string,
): Promise<void> {
  await context.sendActivity(cardMessage(card, summary));
}
