import type { TurnContext } from 'botbuilder';

const WORK = Symbol('work the turn waits for after its handler');

/**
 * Work a handler starts and the turn waits for after the handler has returned, while the bot's
 * state is saved: the turn ends (and its replies go) only once both are done, and fails if either
 * does. For writes that need not come before the state, nor it before them.
 */
export function finishBeforeTurnEnds(context: TurnContext, work: Promise<unknown>): void {
  // Reported when the turn waits for it, not as a rejection nobody heard.
  work.catch(() => undefined);
  const started = (context.turnState.get(WORK) as Promise<unknown>[] | undefined) ?? [];
  context.turnState.set(WORK, [...started, work]);
}

/** Waits for the work handlers started with finishBeforeTurnEnds; throws the first failure. */
export async function finishTurnWork(context: TurnContext): Promise<void> {
  await Promise.all((context.turnState.get(WORK) as Promise<unknown>[] | undefined) ?? []);
}
