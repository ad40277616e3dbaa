import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { Request, Response, TurnContext } from 'botbuilder';
import { createKeyedQueue } from '../shared/keyedQueue';
import { answerFirst } from './afterAnswer';
import type { AppTurnState } from './appTurnState';

/**
 * The function behind POST /api/messages: the adapter authenticates, then the app runs the turn.
 * One person's turns run one at a time, in the order they came (a double click, two open chats):
 * each then starts from what the one before it left, so none fails on the other's changes. The
 * deliveries a turn starts wait for its answer to go (see answerFirst).
 */
export function createMessageEndpoint(adapter: TeamsAdapter, app: Application<AppTurnState>) {
  const oneAtATime = createKeyedQueue();
  return (req: Request, res: Response): Promise<void> =>
    answerFirst(() =>
      adapter.process(req, res, (context) =>
        oneAtATime(personKey(context), () => app.run(context).then(() => undefined)),
      ),
    );
}

/** Who the turn is from: their Entra ID object id, else their Teams user id, else the conversation. */
function personKey(context: TurnContext): string {
  const { from, conversation } = context.activity;
  return from?.aadObjectId ?? from?.id ?? conversation?.id ?? '';
}
