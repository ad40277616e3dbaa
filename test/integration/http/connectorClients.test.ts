import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'restify';
import type { TurnContext } from 'botbuilder';
import { createServer } from '../../../src/http/createServer';
import { createLogger } from '../../../src/logging/logger';
import { createAdapter } from '../../../src/teams/createAdapter';
import { activityFrom, actorFor } from '../../support/activities';
import { startFakeConnector } from '../../support/fakeConnector';

type FakeConnector = Awaited<ReturnType<typeof startFakeConnector>>;

/**
 * The adapter gives each turn the Bot Connector client (and user token client) it made for an
 * earlier turn from the same service URL, instead of new ones, through the real restify server;
 * a turn from another service URL gets its own client, and every reply still reaches the service
 * its turn came from.
 */
describe('Bot Connector clients kept between turns', () => {
  const adapter = createAdapter();
  const seen: Array<{ text: string; connector: unknown; tokens: unknown }> = [];
  const logic = async (context: TurnContext) => {
    seen.push({
      text: context.activity.text ?? '',
      connector: context.turnState.get(adapter.ConnectorClientKey),
      tokens: context.turnState.get(adapter.UserTokenClientKey),
    });
    await context.sendActivity(`Reply to ${context.activity.text ?? ''}`);
  };
  const server = createServer({
    logger: createLogger('silent'),
    maxBodyBytes: 256 * 1024,
    handleActivity: (req: Request, res: Response) => adapter.process(req, res, logic),
    checkHealth: async () => ({}),
  });
  let url: string;
  let north: FakeConnector;
  let south: FakeConnector;

  beforeAll(async () => {
    [north, south] = await Promise.all([startFakeConnector(), startFakeConnector()]);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all([north.stop(), south.stop()]);
  });

  /** A message answered through the Bot Connector at `serviceUrl`, not in the response. */
  async function send(label: string, text: string, serviceUrl: string): Promise<number> {
    const activity = activityFrom(
      actorFor(undefined, label),
      { type: 'message', text, deliveryMode: 'normal' },
      serviceUrl,
    );
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    return response.status;
  }

  it('uses one client per service URL for every turn, and replies reach the right service', async () => {
    expect(await send('ward-a', 'first', north.url)).toBe(200);
    expect(await send('ward-b', 'second', north.url)).toBe(200);
    expect(await send('ward-c', 'third', south.url)).toBe(200);

    const [first, second, third] = seen;
    expect(first?.connector).toBeDefined();
    expect(second?.connector).toBe(first?.connector);
    expect(third?.connector).not.toBe(first?.connector);
    expect(second?.tokens).toBe(first?.tokens);
    expect(third?.tokens).toBe(first?.tokens);

    const northTexts = (await north.waitFor(2)).map((post) => post.body.text);
    const southTexts = (await south.waitFor(1)).map((post) => post.body.text);
    expect(northTexts).toEqual(['Reply to first', 'Reply to second']);
    expect(southTexts).toEqual(['Reply to third']);
    expect(north.posts.map((post) => post.path)).toEqual([
      expect.stringContaining('/v3/conversations/a%3Award-a-personal/activities/'),
      expect.stringContaining('/v3/conversations/a%3Award-b-personal/activities/'),
    ]);
  });

  it('gives messages sent outside a turn the client of the turns from the same service, and each reaches its own', async () => {
    const proactive: unknown[] = [];
    const sendTo = (label: string, serviceUrl: string, text: string) =>
      adapter.continueConversationAsync(
        '',
        {
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: `a:${label}-personal`, conversationType: 'personal', isGroup: false, name: '' },
          user: { id: `29:${label}`, name: '' },
          bot: { id: '28:shadowing-bot', name: 'Job shadowing' },
        },
        async (context) => {
          proactive.push(context.turnState.get(adapter.ConnectorClientKey));
          await context.sendActivity(text);
        },
      );
    const before = { north: north.posts.length, south: south.posts.length };
    await sendTo('ward-d', north.url, 'Your visit is confirmed');
    await sendTo('ward-e', north.url, 'Please decide on a release');
    await sendTo('ward-f', south.url, 'Your weekly digest');

    const [first, second, third] = proactive;
    expect(first).toBeDefined();
    expect(second).toBe(first);
    expect(third).not.toBe(first);
    const northTexts = (await north.waitFor(before.north + 2)).slice(before.north).map((p) => p.body.text);
    const southTexts = (await south.waitFor(before.south + 1)).slice(before.south).map((p) => p.body.text);
    expect(northTexts).toEqual(['Your visit is confirmed', 'Please decide on a release']);
    expect(southTexts).toEqual(['Your weekly digest']);
  });
});
