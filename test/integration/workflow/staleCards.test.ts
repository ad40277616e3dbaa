import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { dueActions } from '../../../src/domain/workflow/dueReminders';
import { actorFor, activityFrom, cardExecute, cardSubmit, message } from '../../support/activities';
import { startFakeConnector, type CapturedPost } from '../../support/fakeConnector';
import { allText, postActivity } from '../../support/http';
import { requestAwaitingManager, walkToSummary } from '../../support/requestWalk';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-stale');
const megan = actorFor(DEMO_IDS.megan, 'megan-stale');
const adele = actorFor(DEMO_IDS.adele, 'adele-stale');
const patti = actorFor(DEMO_IDS.patti, 'patti-stale');
type Actor = typeof alex;
/** What an earlier card whose buttons can no longer work says beside a newer message. */
const MOVED_ON = 'This card is out of date, so its buttons have been taken off.';

/**
 * When a request moves on without them (the visitor cancels, a programme lead decides), the
 * manager's and the host's earlier cards are replaced in their chats by where the request stands,
 * with no buttons that can no longer work, in each reader's own words.
 */
describe('earlier cards once a request has moved on, over HTTP', () => {
  /** The service's time: the real time, moved on by a test that needs a request to wait. */
  let now = new Date();
  let service: TestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  const install = (actor: Actor) =>
    postActivity(
      service.url,
      activityFrom(
        actor,
        { type: 'conversationUpdate', membersAdded: [{ id: actor.userId }], deliveryMode: 'normal' },
        connector.url,
      ),
    );
  const say = async (text: string) =>
    (await postActivity(service.url, { ...message(alex, text), serviceUrl: connector.url })).replies;
  const click = async (data: Record<string, unknown>) =>
    (await postActivity(service.url, { ...cardSubmit(alex, data), serviceUrl: connector.url })).replies;
  const execute = async (actor: Actor, data: Record<string, unknown>) => {
    const { status, body } = await postActivity(
      service.url,
      cardExecute(actor, 'decide', data, connector.url),
    );
    expect(status).toBe(200);
    return JSON.stringify((body as { value: unknown }).value);
  };
  const inChatOf = (actor: Actor) => (p: CapturedPost) =>
    p.path.includes(`/conversations/${encodeURIComponent(actor.conversationId)}/activities`);
  /** The card sent to `actor` since `mark` that says `text`, and the activity id it was given. */
  const sentCard = (actor: Actor, mark: number, text: string) => {
    const index = connector.posts.findIndex(
      (p, i) =>
        i >= mark && p.method === 'POST' && inChatOf(actor)(p) && JSON.stringify(p.body).includes(text),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    // The fake connector numbers what it is sent, from 1.
    return { body: JSON.stringify(connector.posts[index]?.body), activityId: `sent-${index + 1}` };
  };
  const isWeeklyDigest = (p: CapturedPost) => JSON.stringify(p.body).includes('Your week in job shadowing');
  const updatesOf = (actor: Actor, activityId: string) =>
    connector.posts
      .filter((p) => p.method === 'PUT' && inChatOf(actor)(p) && p.path.endsWith(`/activities/${activityId}`))
      .map((p) => JSON.stringify(p.body));

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService(
      { SCHEDULER_INTERVAL_SECONDS: '0', REAPPROVE_NEW_TIME: 'true' },
      { clock: () => now },
    );
    for (const actor of [alex, megan, adele, patti]) await install(actor);
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  async function submitRequest(): Promise<string> {
    await walkToSummary(say, click);
    expect(allText(await click({ verb: 'draft_submit' }))).toContain('I have asked Megan Bowen');
    await service.dispatcher.idle();
    return String((await requestAwaitingManager(service.store))?.id);
  }
  const approve = (actor: Actor, requestId: string) =>
    execute(actor, { action: 'approve', coverMethod: 'within_team', requestId, visitorId: DEMO_IDS.alex });

  it("replaces Megan's approval card and Adele's host card when Alex cancels", async () => {
    const mark = connector.posts.length;
    const requestId = await submitRequest();
    const approval = sentCard(megan, mark, 'Alex Wilber asks to be released for a shadowing visit');
    expect(approval.body).toContain('"verb":"decide"');
    expect(await approve(megan, requestId)).toContain('You approved the release');
    await service.dispatcher.idle();
    const hostCard = sentCard(adele, mark, 'Alex Wilber would like to shadow you');
    expect(hostCard.body).toContain('"verb":"decide"');

    await click({ verb: 'cancel_request', requestId, reason: 'My ward is short that week' });
    await service.dispatcher.idle();

    // Each is told in a message; the earlier card drops its buttons and points to it.
    sentCard(adele, mark, 'Alex Wilber cancelled the visit.');
    const [toAdele, ...again] = updatesOf(adele, hostCard.activityId);
    expect(again).toEqual([]);
    expect(toAdele).toContain(MOVED_ON);
    expect(toAdele).not.toContain('cancelled the visit');
    expect(toAdele).not.toContain('"verb":"decide"');
    // The host learns the visit is off; nothing about the visitor's rota, release or cover.
    for (const secret of ['rota', 'cover', 'release']) expect(toAdele?.toLowerCase()).not.toContain(secret);
    // Megan's approval card, which showed her own decision, now points to the news.
    sentCard(megan, mark, 'Alex Wilber cancelled the visit.');
    expect(updatesOf(megan, approval.activityId)).toEqual([expect.stringContaining(MOVED_ON)]);
    expect(updatesOf(megan, approval.activityId)[0]).not.toContain('"verb":"decide"');
  });

  it("replaces Megan's approval card when Alex cancels before she decides", async () => {
    const mark = connector.posts.length;
    const requestId = await submitRequest();
    const approval = sentCard(megan, mark, 'Alex Wilber asks to be released for a shadowing visit');

    await click({ verb: 'cancel_request', requestId });
    await service.dispatcher.idle();

    const updates = updatesOf(megan, approval.activityId);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toContain(MOVED_ON);
    expect(updates[0]).not.toContain('"verb":"decide"');
    // The news is in the message beside it, not repeated on the old card.
    expect(sentCard(megan, mark, 'Alex Wilber cancelled the visit.').body).not.toContain(MOVED_ON);
    expect(updates[0]).not.toContain('cancelled the visit');
    // Pressing the old card's button is still refused politely, as before.
    const pressed = await approve(megan, requestId);
    expect(pressed).toContain('cancelled');
  });

  it("replaces Megan's approval card when a programme lead decides instead, and tells her", async () => {
    const mark = connector.posts.length;
    const requestId = await submitRequest();
    const approval = sentCard(megan, mark, 'Alex Wilber asks to be released for a shadowing visit');

    expect(await approve(patti, requestId)).toContain('You approved the release');
    await service.dispatcher.idle();

    const told = sentCard(megan, mark, 'A programme lead approved the release. Adele Vance has been asked.');
    expect(told.body).not.toContain('"verb":"decide"');
    const updates = updatesOf(megan, approval.activityId);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toContain(MOVED_ON);
    expect(updates[0]).not.toContain('"verb":"decide"');
    // A later message about the request changes nothing the old card shows: it is not drawn again.
    await click({ verb: 'cancel_request', requestId });
    await service.dispatcher.idle();
    sentCard(megan, mark, 'Alex Wilber cancelled the visit.');
    expect(updatesOf(megan, approval.activityId)).toHaveLength(1);
  });
  it('shows Adele and Megan the new time on their earlier cards once Alex takes it', async () => {
    const mark = connector.posts.length;
    const requestId = await submitRequest();
    const approval = sentCard(megan, mark, 'Alex Wilber asks to be released for a shadowing visit');
    await approve(megan, requestId);
    await service.dispatcher.idle();
    const hostCard = sentCard(adele, mark, 'Alex Wilber would like to shadow you');
    const slot = /"id":"slot".*?"choices":\[\{"title":"([^"]+)","value":"([^"]+)"/.exec(hostCard.body);
    expect(slot).not.toBeNull();
    const [, label, value] = slot as unknown as [string, string, string];
    const newTime = label.replace(/ \(.*\)$/, '');
    expect(hostCard.body).not.toContain(`"value":"${newTime}"`);
    await execute(adele, { action: 'propose_time', requestId, visitorId: DEMO_IDS.alex, slot: value });
    await service.dispatcher.idle();
    const beforeTaking = connector.posts.length;
    // This trust asks the manager to agree a changed date (REAPPROVE_NEW_TIME).
    expect(await execute(alex, { action: 'accept_time', requestId, visitorId: DEMO_IDS.alex })).toContain(
      'waiting for your manager',
    );
    await service.dispatcher.idle();

    const told = sentCard(
      adele,
      beforeTaking,
      'Alex Wilber took the new time. Megan Bowen has been asked to agree it.',
    );
    expect(told.body).not.toContain('"verb":"decide"');
    const [hostUpdate] = updatesOf(adele, hostCard.activityId);
    expect(hostUpdate).toContain(`"value":"${newTime}"`);
    expect(hostUpdate).toContain(MOVED_ON);
    expect(hostUpdate).not.toContain('"verb":"decide"');
    // Megan's earlier card asks again, about the new time: its buttons work.
    const managerUpdates = updatesOf(megan, approval.activityId);
    expect(managerUpdates.at(-1)).toContain(`"value":"${newTime}"`);
    expect(managerUpdates.at(-1)).toContain('"action":"approve"');
    expect(await approve(megan, requestId)).toContain('You approved the release');
    await service.dispatcher.idle();
    await click({ verb: 'cancel_request', requestId });
    await service.dispatcher.idle();
  });
  it("replaces the programme lead's card once a request escalated to her is decided by the manager", async () => {
    const mark = connector.posts.length;
    const requestId = await submitRequest();
    const [request] = (await service.store.query('requests', {
      partitionKey: DEMO_IDS.alex,
      where: [{ field: 'id', op: '=', value: requestId }],
    })) as unknown as ShadowingRequest[];
    // The request waits, without anyone deciding, until it is escalated to the programme lead.
    const started = now;
    while (!dueActions(request!, now).some((due) => due.kind === 'escalate'))
      now = new Date(now.getTime() + 86_400_000);
    try {
      await service.dispatcher.tick();
      await service.dispatcher.idle();
      const escalated = sentCard(patti, mark, 'Alex Wilber asks to be released for a shadowing visit');
      expect(escalated.body).toContain('"action":"approve"');

      expect(await approve(megan, requestId)).toContain('You approved the release');
      await service.dispatcher.idle();

      const told = sentCard(patti, mark, 'Megan Bowen approved the release. Adele Vance has been asked.');
      expect(told.body).not.toContain('"verb":"decide"');
      const updates = updatesOf(patti, escalated.activityId);
      expect(updates).toHaveLength(1);
      expect(updates[0]).toContain(MOVED_ON);
      expect(updates[0]).not.toContain('"verb":"decide"');
      await click({ verb: 'cancel_request', requestId });
      await service.dispatcher.idle();
    } finally {
      now = started;
    }
  });

  /** Moves the service's clock on a day at a time until the request is owed `kind`. */
  async function waitUntilDue(requestId: string, kind: 'remind' | 'escalate' | 'expire'): Promise<void> {
    const [request] = (await service.store.query('requests', {
      partitionKey: DEMO_IDS.alex,
      where: [{ field: 'id', op: '=', value: requestId }],
    })) as unknown as ShadowingRequest[];
    while (!dueActions(request!, now).some((due) => due.kind === kind))
      now = new Date(now.getTime() + 86_400_000);
  }
  const pressOn = async (actor: Actor, activityId: string, data: Record<string, unknown>) => {
    const { status, body } = await postActivity(service.url, {
      ...cardExecute(actor, 'decide', data, connector.url),
      replyToId: activityId,
    });
    expect(status).toBe(200);
    return JSON.stringify((body as { value: unknown }).value);
  };

  it("leaves the host's card as it was when a reminder changes nothing it shows", async () => {
    const mark = connector.posts.length;
    const requestId = await submitRequest();
    await approve(megan, requestId);
    await service.dispatcher.idle();
    const hostCard = sentCard(adele, mark, 'Alex Wilber would like to shadow you');
    const started = now;
    try {
      await waitUntilDue(requestId, 'remind');
      await service.dispatcher.tick();
      await service.dispatcher.idle();
      const reminder = sentCard(adele, mark, 'Reminder');
      expect(reminder.activityId).not.toBe(hostCard.activityId);
      expect(updatesOf(adele, hostCard.activityId)).toEqual([]);
    } finally {
      now = started;
      await click({ verb: 'cancel_request', requestId });
      await service.dispatcher.idle();
    }
  });

  it("takes the buttons off Megan's other card when she approves from the reminder, and leaves the one she pressed", async () => {
    const mark = connector.posts.length;
    const requestId = await submitRequest();
    const approval = sentCard(megan, mark, 'Alex Wilber asks to be released for a shadowing visit');
    const started = now;
    try {
      await waitUntilDue(requestId, 'remind');
      await service.dispatcher.tick();
      await service.dispatcher.idle();
      const reminder = sentCard(megan, mark, 'Reminder');
      expect(reminder.body).toContain('"action":"approve"');

      const answer = await pressOn(megan, reminder.activityId, {
        action: 'approve',
        coverMethod: 'within_team',
        requestId,
        visitorId: DEMO_IDS.alex,
      });
      expect(answer).toContain('You approved the release');
      await service.dispatcher.idle();

      // Megan is sent no message about her own approval: her first card says where it stands.
      const [update, ...more] = updatesOf(megan, approval.activityId);
      expect(more).toEqual([]);
      expect(update).toContain("Alex Wilber's shadowing request: waiting for the host");
      expect(update).toContain('You approved the release.');
      expect(update).not.toContain('"verb":"decide"');
      expect(updatesOf(megan, reminder.activityId)).toEqual([]);
    } finally {
      now = started;
      await click({ verb: 'cancel_request', requestId });
      await service.dispatcher.idle();
    }
  });

  it("takes the buttons off the programme lead's escalation card when the request expires", async () => {
    const mark = connector.posts.length;
    const requestId = await submitRequest();
    const started = now;
    try {
      await waitUntilDue(requestId, 'escalate');
      await service.dispatcher.tick();
      await service.dispatcher.idle();
      const escalated = sentCard(patti, mark, 'Alex Wilber asks to be released for a shadowing visit');
      expect(escalated.body).toContain('"action":"approve"');

      await waitUntilDue(requestId, 'expire');
      await service.dispatcher.tick();
      await service.dispatcher.idle();

      // Patti is sent no message about the expiry; her card says where the request stands. Her
      // weekly digest is another matter: it comes whenever the moved clock passes a Monday 08:00.
      expect(
        connector.posts
          .slice(mark)
          .filter((p) => p.method === 'POST' && inChatOf(patti)(p) && !isWeeklyDigest(p)),
      ).toHaveLength(1);
      const updates = updatesOf(patti, escalated.activityId);
      expect(updates).toHaveLength(1);
      expect(updates[0]).toContain("Alex Wilber's shadowing request: expired");
      expect(updates[0]).toContain('The date passed before everyone had answered');
      expect(updates[0]).not.toContain('"verb":"decide"');
      // A later tick finds nothing changed on it.
      await service.dispatcher.tick();
      await service.dispatcher.idle();
      expect(updatesOf(patti, escalated.activityId)).toHaveLength(1);
    } finally {
      now = started;
    }
  });
});
