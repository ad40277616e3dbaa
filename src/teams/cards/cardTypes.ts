/** The subset of Adaptive Card 1.5 we send. Teams renders up to schema 1.5. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: Array<Record<string, unknown>>;
  actions?: Array<Record<string, unknown>>;
  msteams?: { width?: 'Full' };
}

export function adaptiveCard(
  body: AdaptiveCardJson['body'],
  actions?: AdaptiveCardJson['actions'],
): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions ? { actions } : {}),
  };
}

/** A button that sends a command to the bot, handled by the same code as the typed command. */
export function commandButton(title: string, command: string): Record<string, unknown> {
  return { type: 'Action.Submit', title, data: { verb: command } };
}
