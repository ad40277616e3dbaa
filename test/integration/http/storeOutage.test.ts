import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { actorFor, installation, message } from '../../support/activities';
import {
  startCosmosServer,
  TEST_SERVER_REQUEST_TIMEOUT_MS,
  type CosmosTestServer,
} from '../../support/cosmosServer';
import { allText, postActivity } from '../../support/http';
import { seedDemoOrganisation } from '../../../src/demo/seedDemo';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-outage');

describe('the store going away mid-conversation (Cosmos-protocol server on loopback)', () => {
  let cosmos: CosmosTestServer;
  let service: TestService;
  const say = async (text: string) => postActivity(service.url, message(alex, text));

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    service = await startTestService(
      {
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: cosmos.key,
        COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
        COSMOS_DATABASE: 'outage',
      },
      { cosmosRequestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS },
    );
    await seedDemoOrganisation(service.store, { today: new Date() });
    await postActivity(service.url, installation(alex));
  });
  afterAll(async () => {
    await service?.stop();
    await cosmos?.stop();
  });

  it('keeps the half-filled request and tells the person kindly, with a reference, while the store is down', async () => {
    expect(allText((await say('I would like to shadow the discharge team next week')).replies)).toContain(
      'Why would you like to go, and what do you want to learn?',
    );

    await cosmos.stop();
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({
      status: 'unavailable',
      reason: 'The data store is not answering.',
    });

    const down = await say('Because discharges from my ward get delayed');
    expect(down.status).toBe(200);
    const text = allText(down.replies);
    expect(text).toMatch(
      /Sorry, I can't reach my records just now, so I could not finish that\. Nothing you have already told me is lost\. .*reference: [0-9A-F]{8}\./,
    );
    expect(text).not.toMatch(/Error|stack|at .*\.ts|ECONNREFUSED|StoreUnavailable/);

    await cosmos.restart();
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    // The answer given while the store was down was not kept, but everything before it was:
    // the same question comes back, and answering it moves on.
    const again = await say('Because discharges from my ward get delayed');
    expect(allText(again.replies)).toContain('What do you want to learn?');
  });
});
