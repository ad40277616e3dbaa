import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { actorFor, installation, message } from '../../support/activities';
import { allText, postActivity } from '../../support/http';
import { expectNothingSent } from '../../support/nothingSent';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-nothing-to-cancel');

/** "cancel" and the words that mean it, with no request or offer open, over HTTP. */
describe('cancelling with nothing open', () => {
  let service: TestService;
  const say = async (text: string) => (await postActivity(service.url, message(alex, text))).replies;

  beforeAll(async () => {
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' });
    await postActivity(service.url, installation(alex));
  });
  afterAll(async () => {
    await service?.stop();
  });

  it.each(['cancel', 'Stop', 'never mind', 'Nevermind.', 'quit', 'cancel request'])(
    '"%s" says in one line that there is nothing to cancel and what to do instead',
    async (word) => {
      const text = allText(await say(word));
      expect(text).toMatch(/nothing open to cancel/i);
      expect(text).toContain('"my requests"');
      expect(text).toContain('"new request"');
      expect(text).not.toMatch(/did not understand/);
      expect(text.split('\n').filter((line) => line.trim())).toHaveLength(1);
      await expectNothingSent(service.store, DEMO_IDS.alex, DEMO_IDS.megan);
    },
  );

  it('a second "cancel" after a request was cancelled says there is nothing left to cancel', async () => {
    expect(allText(await say("I'd like to spend a morning with the discharge team next week"))).toContain(
      'Why would you like to go',
    );
    expect(allText(await say('cancel'))).toContain('I have cancelled that request.');
    expect(allText(await say('cancel'))).toMatch(/nothing open to cancel/i);
    await expectNothingSent(service.store, DEMO_IDS.alex, DEMO_IDS.megan);
  });
});
