import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { Request, Response } from 'botbuilder';
import type { AppTurnState } from './appTurnState';

/** The function behind POST /api/messages: the adapter authenticates, then the app runs the turn. */
export function createMessageEndpoint(adapter: TeamsAdapter, app: Application<AppTurnState>) {
  return (req: Request, res: Response): Promise<void> =>
    adapter.process(req, res, async (context) => {
      await app.run(context);
    });
}
