import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { actorFor, cardExecute, installation, message } from '../../support/activities';
import { allText, postActivity } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-draft-through-decision');

/**
 * A decision button reads no bot state, so it must leave alone a request being written in the
 * same chat: the next message carries on from where the person was.
 */
describe('a request being written, with a decision button clicked in the same chat', () => {
  let service: TestService;
  const say = async (text: string) => allText((await postActivity(service.url, message(alex, text))).replies);

  beforeAll(async () => {
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' });
    await postActivity(service.url, installation(alex));
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('carries on from the question it was at', async () => {
    expect(await say("I'd like to spend a morning with the discharge team in two weeks")).toContain(
      'Why would you like to go',
    );
    const button = { action: 'cancel', requestId: randomUUID(), visitorId: DEMO_IDS.alex };
    const clicked = await postActivity(service.url, cardExecute(alex, 'decide', button));
    expect(clicked.status).toBe(200);
    expect(JSON.stringify(clicked.body)).toContain('I could not find that request');
    const purpose =
      'To understand why discharges from my ward get delayed\nSee a board round\nLearn how a discharge is planned';
    expect(await say(purpose)).toContain('Choose a host and a time');
  });
});
