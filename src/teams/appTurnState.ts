import { type TurnState, type DefaultConversationState, type DefaultUserState } from '@microsoft/teams-ai';
import type { OfferDraft } from '../domain/offerDialog/offerDraft';
import type { RequestDraft } from '../domain/requestDialog/draft';

export interface UserState extends DefaultUserState {
  /** Set once the person has seen the welcome card. */
  welcomed?: boolean;
}

export interface ConversationState extends DefaultConversationState {
  /** A request being put together; kept in stored state so it survives a restart. */
  draft?: RequestDraft;
  /**
   * The id of the draft above while its request was being written when the conversation was
   * saved: kept until the send's outcome is known, so a send that fails loses nothing (see
   * sendingDraft.ts).
   */
  sending?: string;
  /** A host offer being written or changed; kept in stored state so it survives a restart. */
  offerDraft?: OfferDraft;
}

export type AppTurnState = TurnState<ConversationState, UserState>;
