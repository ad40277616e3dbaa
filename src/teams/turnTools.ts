import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import type { Sleep } from '../shared/retryWhileFailing';

/** What work in a turn may need from the bot besides the services: its log, and the waits of its retries. */
export interface TurnTools {
  logger?: Logger;
  sleep?: Sleep;
}

const TOOLS = Symbol("the bot's log and waits, for work inside a turn");

/** Gives the turn the bot's tools (the app does this as each turn starts). */
export function keepTurnTools(context: TurnContext, tools: TurnTools): void {
  context.turnState.set(TOOLS, tools);
}

/** The tools the app gave this turn; none under a bare adapter (then nothing is logged, waits are real). */
export function turnTools(context: TurnContext): TurnTools {
  return (context.turnState.get(TOOLS) as TurnTools | undefined) ?? {};
}
