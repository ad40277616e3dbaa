import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { actorFor, installation, message } from '../../support/activities';
import { allText, postActivity, replyText } from '../../support/http';
import { SERVICE_ON_EACH_STORE, type ServiceOnStore } from '../../support/serviceOnEachStore';
import { traceStore, type StoreTrace } from '../../support/storeTrace';

const STILL_OPEN = 'Your request is still open. Type "continue" to carry on, or "cancel" to drop it.';
const WHY = 'Why would you like to go, and what do you want to learn?';

/**
 * "my requests" typed while a request is being put together: the list, then a line saying the
 * request is still open, and the request carries on where it was. The conversation's state is what
 * says a request is open, so this turn reads it (and writes nothing of it back).
 */
describe.each(SERVICE_ON_EACH_STORE)('"my requests" in the middle of a request ($name)', ({ start }) => {
  let running: ServiceOnStore;
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
    running = await start('my-requests-during-draft');
    trace = traceStore(running.service.store);
    await postActivity(running.service.url, installation(alex));
  });
  afterAll(async () => {
    trace?.restore();
    await running?.stop();
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
