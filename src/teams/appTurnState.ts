import { TurnState, type DefaultConversationState, type DefaultUserState } from '@microsoft/teams-ai';

export interface UserState extends DefaultUserState {
  /** Set once the person has seen the welcome card. */
  welcomed?: boolean;
}

export type ConversationState = DefaultConversationState;

export type AppTurnState = TurnState<ConversationState, UserState>;
