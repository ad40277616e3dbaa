import type { RouteSelector } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';

/** The card data field teams-ai reads an Action.Submit button's verb from (its default). */
const VERB_FIELD = 'verb';

/**
 * One route for Action.Submit buttons whose verb is any of `verbs`, matching as teams-ai's own
 * route for each verb does (a message with no text whose value is an object, its verb equal),
 * so every message is checked once against the set instead of once per verb, each check a
 * promise the turn waits for.
 */
export function submitVerbIn(verbs: readonly string[]): RouteSelector {
  const known = new Set<unknown>(verbs);
  return (context: TurnContext) => {
    const a = context?.activity;
    const isSubmit = a?.type === 'message' && !a?.text && typeof a?.value === 'object';
    return Promise.resolve(isSubmit && known.has((a.value as Record<string, unknown>)[VERB_FIELD]));
  };
}
