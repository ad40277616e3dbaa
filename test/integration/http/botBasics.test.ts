import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { actorFor, cardSubmit, installation, message } from '../../support/activities';
import { allText, postActivity } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex');
const stranger = actorFor('11111111-2222-3333-4444-555555555555', 'stranger');

describe('the bot over HTTP (expectReplies)', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  it('reports healthy with the store it uses', async () => {
    const response = await fetch(`${service.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', store: 'embedded', unreadableDocuments: 0 });
  });

  it('welcomes a person on install, by first name, with a button for each thing it does', async () => {
    const { status, replies } = await postActivity(service.url, installation(alex));
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    const card = replies[0]?.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card?.content.version).toBe('1.5');
    const text = JSON.stringify(card?.content);
    expect(text).toContain('Hello Alex');
    const buttons = (card?.content.actions as Array<{ title: string }>).map((a) => a.title);
    expect(buttons).toEqual(['Request a visit', 'Offer to host', 'My requests']);
  });

  it('answers "help" with what it can do', async () => {
    const { replies } = await postActivity(service.url, message(alex, 'Help'));
    expect(replies).toHaveLength(1);
    expect(allText(replies)).toContain('What you can ask me');
    expect(allText(replies)).toContain('my requests');
  });

  it('answers anything it does not understand politely, saying what it can do', async () => {
    const { replies } = await postActivity(service.url, message(alex, 'what is the wifi password?'));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toMatch(
      /^Sorry, I did not understand that\. I can help you request a shadowing visit/,
    );
  });

  it('runs a card button through the same command as typing it', async () => {
    const typed = await postActivity(service.url, message(alex, 'my requests'));
    const clicked = await postActivity(service.url, cardSubmit(alex, { verb: 'my_requests' }));
    expect(allText(typed.replies)).toContain('You have no shadowing requests yet.');
    expect(clicked.replies.map((r) => r.attachments?.[0]?.content)).toEqual(
      typed.replies.map((r) => r.attachments?.[0]?.content),
    );
  });

  it('welcomes someone who writes first without an install event, then answers them', async () => {
    const newcomer = actorFor(DEMO_IDS.megan, 'megan-first-contact');
    const { replies } = await postActivity(service.url, message(newcomer, 'my requests'));
    expect(replies).toHaveLength(2);
    expect(allText(replies.slice(0, 1))).toContain('Hello Megan');
    expect(allText(replies.slice(1))).toContain('Your requests');
  });

  it('tells someone who is not in the staff directory what to do', async () => {
    await postActivity(service.url, installation(stranger));
    const { replies } = await postActivity(service.url, message(stranger, 'my requests'));
    expect(allText(replies)).toContain("I can't find you in the staff directory yet");
  });
});

describe('installation and conversation updates arriving together', () => {
  it('welcomes the person and stores their conversation, whichever turn writes first', async () => {
    const service = await startTestService();
    try {
      const lynne = actorFor(DEMO_IDS.lynne, 'lynne-install');
      const [install, update] = await Promise.all([
        postActivity(service.url, {
          ...installation(lynne),
          type: 'installationUpdate',
          action: 'add',
          membersAdded: undefined,
        }),
        postActivity(service.url, installation(lynne)),
      ]);
      expect(install.status).toBe(200);
      expect(allText(update.replies)).toContain('Hello Lynne');
      expect(allText([...install.replies, ...update.replies])).not.toContain('something went wrong');
      const [person] = await service.store.query('people', { partitionKey: DEMO_IDS.lynne });
      expect(person?.conversation).toMatchObject({ conversation: { id: lynne.conversationId } });
    } finally {
      await service.stop();
    }
  });
});
