import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { actorFor, cardSubmit, installation, message } from '../../support/activities';
import { cardActions, lastCardReply } from '../../support/cards';
import { allText, postActivity } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-request');

describe('asking for a visit, over HTTP against the demo organisation', () => {
  let service: TestService;
  const say = async (text: string) => (await postActivity(service.url, message(alex, text))).replies;
  const click = async (data: Record<string, unknown>) =>
    (await postActivity(service.url, cardSubmit(alex, data))).replies;

  beforeAll(async () => {
    service = await startTestService();
    await postActivity(service.url, installation(alex));
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('goes from one sentence without a reason to a submitted request in four actions, surviving a restart', async () => {
    let replies = await say("I'd like to spend a morning with the discharge team in two weeks");
    expect(allText(replies)).toContain('Why would you like to go, and what do you want to learn?');
    expect(allText(replies)).toContain('I read: discharge team');

    // Restart the service on the same data: the half-filled request must still be there.
    const dataDir = service.dataDir;
    await service.close();
    service = await startTestService({ DATA_DIR: dataDir });

    replies = await click({
      verb: 'draft_reasons',
      purpose: 'To understand why discharges from my ward get delayed',
      objectives: 'See a board round\nLearn how a discharge is planned',
    });
    expect(allText(replies)).toContain('Choose a host and a time');
    const time = cardActions(lastCardReply(replies)).find(
      (a) => a.data.verb === 'draft_pick' && a.data.offerId === 'demo-offer-discharge-board-round',
    );
    expect(time).toBeDefined();

    replies = await click(time?.data ?? {});
    expect(allText(replies)).toContain('Check your request');
    expect(allText(replies)).toContain('A morning with the discharge team with Adele Vance');

    replies = await click({ verb: 'draft_submit' });
    expect(allText(replies)).toMatch(
      /I have asked Megan Bowen to (release you|agree your visit, in your own time)/,
    );

    const requests = await service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      state: 'awaiting_manager',
      visitorId: DEMO_IDS.alex,
      managerId: DEMO_IDS.megan,
      hostId: DEMO_IDS.adele,
      offerId: 'demo-offer-discharge-board-round',
      start: time?.data.start,
      objectives: ['See a board round', 'Learn how a discharge is planned'],
    });
    const tasks = await service.store.query('tasks', { partitionKey: DEMO_IDS.megan });
    expect(tasks).toEqual([
      expect.objectContaining({ role: 'manager', requestId: requests[0]?.id, state: 'awaiting_manager' }),
    ]);
  });

  it('lists the request under "my requests" and cancels it with one click', async () => {
    let replies = await say('my requests');
    expect(allText(replies)).toContain('Waiting for your manager');
    const cancel = cardActions(lastCardReply(replies)).find((a) => a.data.verb === 'cancel_request');
    expect(cancel).toBeDefined();

    replies = await click(cancel?.data ?? {});
    expect(allText(replies)).toContain('I have cancelled that request.');
    expect(allText(replies)).toContain('Cancelled');
    const [request] = await service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    expect(request).toMatchObject({ state: 'cancelled' });
    expect((request?.history as unknown[]).length).toBe(2);
  });

  it("refuses to cancel someone else's request by a forged id, changing nothing", async () => {
    const megan = actorFor(DEMO_IDS.megan, 'megan-forger');
    const [request] = await service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    expect(request).toBeDefined();
    const { replies } = await postActivity(
      service.url,
      cardSubmit(megan, { verb: 'cancel_request', requestId: request?.id }),
    );
    expect(allText(replies)).toContain('I could not find that request.');
    const [after] = await service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    expect(after).toEqual(request);
  });

  it('goes from a sentence that says why to a request in three actions: sentence, host-and-time, send', async () => {
    const before = await service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    let replies = await say(
      'I want to learn how complex discharges are planned, so could I spend a morning with the discharge team in two weeks?',
    );
    expect(allText(replies)).toContain('Choose a host and a time');
    const time = cardActions(lastCardReply(replies)).find(
      (a) => a.data.verb === 'draft_pick' && a.data.offerId === 'demo-offer-discharge-board-round',
    );
    replies = await click(time?.data ?? {});
    expect(allText(replies)).toContain('To learn how complex discharges are planned');
    replies = await click({ verb: 'draft_submit' });
    expect(allText(replies)).toMatch(
      /I have asked Megan Bowen to (release you|agree your visit, in your own time)/,
    );
    const after = await service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    expect(after.length).toBe(before.length + 1);
  });

  it('answers "cancel" at any step and keeps nothing', async () => {
    await say('I want to shadow a pharmacist');
    const replies = await say('cancel');
    expect(allText(replies)).toContain('I have cancelled that request. Nothing was sent to anyone.');
    expect(allText(await say('my requests'))).not.toContain('pharmacist');
  });
});
