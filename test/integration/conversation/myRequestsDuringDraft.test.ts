import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { seedDemoOrganisation } from '../../../src/demo/seedDemo';
import { actorFor, installation, message } from '../../support/activities';
import {
  startCosmosServer,
  TEST_SERVER_REQUEST_TIMEOUT_MS,
  type CosmosTestServer,
} from '../../support/cosmosServer';
import { allText, postActivity, replyText } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';
import { traceStore, type StoreTrace } from '../../support/storeTrace';

const STILL_OPEN = 'Your request is still open. Type "continue" to carry on, or "cancel" to drop it.';
const WHY = 'Why would you like to go, and what do you want to learn?';

interface Running {
  service: TestService;
  cosmos?: CosmosTestServer;
}

const ON: Array<{ name: string; start: () => Promise<Running> }> = [
  {
    name: 'embedded store',
    start: async () => ({ service: await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' }) }),
  },
  {
    name: 'Cosmos-protocol server',
    start: async () => {
      const cosmos = await startCosmosServer();
      const service = await startTestService(
        {
          COSMOS_ENDPOINT: cosmos.endpoint,
          COSMOS_KEY: cosmos.key,
          COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
          COSMOS_DATABASE: 'my-requests-during-draft',
          SCHEDULER_INTERVAL_SECONDS: '0',
        },
        { cosmosRequestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS },
      );
      await seedDemoOrganisation(service.store, { today: new Date() });
      return { service, cosmos };
    },
  },
];

/**
 * "my requests" typed while a request is being put together: the list, then a line saying the
 * request is still open, and the request carries on where it was. The conversation's state is what
 * says a request is open, so this turn reads it (and writes nothing of it back).
 */
describe.each(ON)('"my requests" in the middle of a request ($name)', ({ start }) => {
  let running: Running;
  let trace: StoreTrace;
  const alex = actorFor(DEMO_IDS.alex, 'alex-my-requests-during-draft');
  const say = async (text: string) => {
    const from = trace.mark();
    const { status, replies } = await postActivity(running.service.url, message(alex, text));
    expect(status).toBe(200);
    const calls = trace.between(from, trace.mark()).map((c) => `${c.operation} ${c.container}`);
    return { replies, text: allText(replies), calls };
  };

  beforeAll(async () => {
    running = await start();
    trace = traceStore(running.service.store);
    await postActivity(running.service.url, installation(alex));
  });
  afterAll(async () => {
    trace?.restore();
    await running?.service.stop();
    await running?.cosmos?.stop();
  });

  it('with nothing open, shows the list alone', async () => {
    const shown = await say('my requests');
    expect(shown.text).toContain('Your requests');
    expect(shown.text).not.toContain(STILL_OPEN);
  });

  it('shows the list, then says the request is still open, and the request goes on from the same question', async () => {
    expect((await say("I'd like to spend a morning with the discharge team in two weeks")).text).toContain(
      WHY,
    );

    const shown = await say('my requests');
    expect(shown.replies.map(replyText)).toEqual([expect.stringContaining('Your requests'), STILL_OPEN]);
    expect(shown.calls).toContain('read botstate');
    expect(shown.calls.filter((c) => c.endsWith(' botstate') && !c.startsWith('read'))).toEqual([]);

    expect((await say('continue')).text).toContain(WHY);
    const answered = await say(
      'To understand why discharges from my ward get delayed\nSee a board round\nLearn how a discharge is planned',
    );
    expect(answered.text).toContain('Choose a host and a time');
    expect(answered.text).not.toContain(STILL_OPEN);
  });
});
