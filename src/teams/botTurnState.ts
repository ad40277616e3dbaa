import { TurnState } from '@microsoft/teams-ai';
import type { Storage, TurnContext } from 'botbuilder';
import type { ConversationState, UserState } from './appTurnState';

/**
 * Card actions (Action.Execute verbs) whose handlers neither read nor change the bot's state: a
 * decision or a cover answer on a request card works only from the request it reads.
 */
const VERBS_WITHOUT_STATE: ReadonlySet<string> = new Set(['decide', 'cover']);

/**
 * The turn state of every turn. A card action that needs no bot state (VERBS_WITHOUT_STATE) reads
 * none, so the turn waits only for what the action itself reads; its conversation and user state
 * are empty, and changing either fails the turn rather than overwrite what is stored without
 * having read it. Every other turn reads and saves its state as teams-ai does.
 */
export class BotTurnState extends TurnState<ConversationState, UserState> {
  private readsNoState = false;

  override load(context: TurnContext, storage?: Storage): Promise<boolean> {
    this.readsNoState = needsNoState(context);
    return super.load(context, this.readsNoState ? undefined : storage);
  }

  override async save(context: TurnContext, storage?: Storage): Promise<void> {
    if (!this.readsNoState) return super.save(context, storage);
    const changed = ['conversation', 'user'].filter((scope) => this.getScope(scope)?.hasChanged);
    if (changed.length > 0)
      throw new Error(`a card action that reads no bot state changed its ${changed.join(' and ')} state`);
  }
}

/** An Action.Execute from a card whose verb needs no bot state. */
export function needsNoState(context: TurnContext): boolean {
  const { type, name, value } = context.activity;
  if (type !== 'invoke' || name !== 'adaptiveCard/action') return false;
  const verb = (value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' && VERBS_WITHOUT_STATE.has(verb);
}
