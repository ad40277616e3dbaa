import { randomUUID } from 'node:crypto';
import { cancelRequest } from '../../../src/app/cancelRequest';
import { createServices } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { seedDemoOrganisation } from '../../../src/demo/seedDemo';
import { actorFor, cardSubmit, installation, message, type Actor } from '../../support/activities';
import { cardActions, lastCardReply } from '../../support/cards';
import { storedConversationState } from '../../support/conversationState';
import { startCosmosServer, type CosmosTestServer } from '../../support/cosmosServer';
import { allText, postActivity } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';

const APOLOGY = /sorry|went wrong|reference: [0-9A-F]{8}|another visitor|no longer works|no longer open/i;

/**
 * One person doing several things at once: five quick clicks on "Send to my manager", four chats
 * open at once, and a double click whose two halves reach two instances of the service on one
 * store. Each turn starts from what the one before it left (or is merged with it), so nobody gets
 * an apology, a reopened request or a wrong message, and a request is sent once.
 */
describe('one person, several turns at once (Cosmos-protocol server)', () => {
  let cosmos: CosmosTestServer;
  let service: TestService;
  let second: TestService | undefined;
  const settings = () => ({
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
    COSMOS_DATABASE: 'one-person',
    SCHEDULER_INTERVAL_SECONDS: '0',
  });

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    service = await startTestService(settings());
    await seedDemoOrganisation(service.store, { today: new Date() });
  });
  afterAll(async () => {
    await second?.stop();
    await service?.stop();
    await cosmos?.stop();
  });

  const chatOf = (label: string): Actor => ({
    ...actorFor(DEMO_IDS.alex, label),
    conversationId: `a:${label}-${randomUUID()}`,
  });
  /** Takes a chat to the summary of a request for the discharge team; resolves the "Send" button's data. */
  const toSummary = async (url: string, chat: Actor): Promise<Record<string, unknown>> => {
    await postActivity(url, installation(chat));
    await postActivity(
      url,
      message(chat, "I'd like to spend a morning with the discharge team in two weeks"),
    );
    const hosts = await postActivity(
      url,
      cardSubmit(chat, {
        verb: 'draft_reasons',
        purpose: 'To understand why discharges from my ward get delayed',
        objectives: 'See a board round',
      }),
    );
    const time = cardActions(lastCardReply(hosts.replies)).find((a) => a.data.verb === 'draft_pick');
    const summary = await postActivity(url, cardSubmit(chat, time?.data ?? {}));
    expect(allText(summary.replies)).toContain('Check your request');
    const send = cardActions(lastCardReply(summary.replies)).find((a) => a.data.verb === 'draft_submit');
    expect(send?.data.draftId).toEqual(expect.any(String));
    return send?.data ?? {};
  };
  const requestsOfAlex = () => service.store.query('requests', { partitionKey: DEMO_IDS.alex });
  /** The draft the chat's saved state holds; the state itself must be there (every chat here has turns). */
  const draftIn = async (chat: Actor) => {
    const state = await storedConversationState(service.store, chat);
    expect(state).toBeDefined();
    return state?.draft;
  };
  /** Cancels Alex's requests as Alex would, so their places are free again. */
  const clearAlex = async () => {
    const services = createServices(service.store);
    const alex = { id: DEMO_IDS.alex, isProgrammeLead: false };
    for (const request of await requestsOfAlex())
      expect((await cancelRequest(services, DEMO_IDS.alex, request.id, alex, new Date())).ok).toBe(true);
  };

  it('sends one request for five quick clicks on "Send to my manager", and says so kindly four times', async () => {
    const chat = chatOf('alex-clicks');
    const send = await toSummary(service.url, chat);
    expect(await draftIn(chat)).toEqual(expect.objectContaining({ id: send.draftId }));
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => postActivity(service.url, cardSubmit(chat, send))),
    );
    const texts = answers.map((a) => allText(a.replies));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(
      texts.filter((t) => /I have asked Megan Bowen to (release you|agree your visit)/.test(t)),
    ).toHaveLength(1);
    expect(texts.filter((t) => t.includes('That request has already been sent to Megan Bowen'))).toHaveLength(
      4,
    );
    for (const text of texts) expect(text).not.toMatch(APOLOGY);
    expect(await requestsOfAlex()).toHaveLength(1);
    expect(await draftIn(chat)).toBeUndefined();
    await service.dispatcher.idle();
    await clearAlex();
  });

  it('answers every turn of four at once, from two chats, without an apology', async () => {
    const chats = ['a', 'b'].map((label) => chatOf(`alex-four-${label}`));
    for (const chat of chats) await postActivity(service.url, installation(chat));
    const words = [
      "I'd like to spend a morning with the discharge team in two weeks",
      'my requests',
      'cancel',
      'I would like to shadow a pharmacist next month',
    ];
    const texts: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      // Two messages typed quickly in each chat, all four at once.
      const turns = chats.flatMap((chat, c) =>
        [0, 1].map((i) => message(chat, words[(round + c + i) % words.length] as string)),
      );
      const answers = await Promise.all(turns.map((turn) => postActivity(service.url, turn)));
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        texts.push(allText(answer.replies));
      }
    }
    expect(texts).toHaveLength(24);
    expect(texts.filter((t) => /went wrong on my side|reference: [0-9A-F]{8}/.test(t))).toEqual([]);
  });

  it('sends one request when a double click reaches two instances on one store', async () => {
    second = await startTestService(settings());
    const chat = chatOf('alex-two-instances');
    const send = await toSummary(service.url, chat);
    const answers = await Promise.all([
      postActivity(service.url, cardSubmit(chat, send)),
      postActivity(second.url, cardSubmit(chat, send)),
    ]);
    const texts = answers.map((a) => allText(a.replies));
    expect(
      texts.filter((t) => /I have asked Megan Bowen to (release you|agree your visit)/.test(t)),
    ).toHaveLength(1);
    expect(texts.filter((t) => t.includes('That request has already been sent to Megan Bowen'))).toHaveLength(
      1,
    );
    for (const text of texts) expect(text).not.toMatch(APOLOGY);
    expect((await requestsOfAlex()).filter((r) => r.state === 'awaiting_manager')).toHaveLength(1);
    expect(await draftIn(chat)).toBeUndefined();
  });
});
