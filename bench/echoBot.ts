import type { AddressInfo } from 'node:net';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, MemoryStorage } from 'botbuilder';
import restify from 'restify';

export interface EchoBot {
  url: string;
  close(): Promise<void>;
}

/**
 * The baseline for the turn benchmark: the smallest bot on the same stack as the service
 * (teams-ai Application, TeamsAdapter without credentials, restify, the same body parser), with
 * conversation state in memory, that answers every message with its own text.
 */
export async function startEchoBot(): Promise<EchoBot> {
  const adapter = new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
  const app = new Application<TurnState>({ adapter, storage: new MemoryStorage(), startTypingTimer: false });
  app.activity('message', async (context) => {
    await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
  });
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, mapFiles: false }));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
