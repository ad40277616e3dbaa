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
  private storage: Storage | undefined;
  private turnSaved: () => void = () => undefined;
  private turnNotSaved: (error: unknown) => void = () => undefined;
  /** Settles once the turn's own save has (the first save of this state). */
  private readonly saved = new Promise<void>((resolve, reject) => {
    this.turnSaved = resolve;
    this.turnNotSaved = reject;
  });

  constructor() {
    super();
    // Heard by whoever waits for it (changeStoredConversation), not as a rejection nobody heard.
    this.saved.catch(() => undefined);
  }

  override load(context: TurnContext, storage?: Storage): Promise<boolean> {
    this.readsNoState = needsNoState(context);
    this.storage = this.readsNoState ? undefined : storage;
    return super.load(context, this.storage);
  }

  override async save(context: TurnContext, storage?: Storage): Promise<void> {
    try {
      await this.saveScopes(context, storage);
      this.turnSaved();
    } catch (error) {
      this.turnNotSaved(error);
      throw error;
    }
  }

  /**
   * Once this turn's own save is done, changes the conversation state as stored then, for work
   * that learns after the turn what the conversation should hold: `change` gets the stored state and
   * gives what to store instead, or undefined to leave it. A turn of the same conversation saved
   * in between is merged with field by field, as any two turns are (BotStateStorage).
   */
  async changeStoredConversation(
    change: (stored: ConversationState) => ConversationState | undefined,
  ): Promise<void> {
    await this.saved;
    const key = this.getScope('conversation')?.storageKey;
    if (!this.storage || !key) return;
    const item = (await this.storage.read([key]))[key] as (ConversationState & { eTag?: string }) | undefined;
    if (!item) return;
    const { eTag, ...stored } = item;
    const changed = change(stored);
    if (changed) await this.storage.write({ [key]: { ...changed, eTag } });
  }

  private saveScopes(context: TurnContext, storage?: Storage): Promise<void> {
    if (!this.readsNoState) return super.save(context, storage);
    const changed = ['conversation', 'user'].filter((scope) => this.getScope(scope)?.hasChanged);
    if (changed.length > 0)
      return Promise.reject(
        new Error(`a card action that reads no bot state changed its ${changed.join(' and ')} state`),
      );
    return Promise.resolve();
  }
}

/** An Action.Execute from a card whose verb needs no bot state. */
export function needsNoState(context: TurnContext): boolean {
  const { type, name, value } = context.activity;
  if (type !== 'invoke' || name !== 'adaptiveCard/action') return false;
  const verb = (value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' && VERBS_WITHOUT_STATE.has(verb);
}
