import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { NOT_ON_SERVICE } from '../../../src/teams/cards/notOnServiceCard';
import { SUBMIT_NOT_ON_SERVICE } from '../../../src/teams/handlers/buttonsOfPeopleGone';
import { actorFor, activityFrom, cardExecute, message } from '../../support/activities';
import { startFakeConnector } from '../../support/fakeConnector';
import { allText, installAll, postActivity } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-erased-submit');

/**
 * Plain-submit buttons (the welcome card's, "Cancel" on "my requests") pressed by someone whose
 * data was erased, over HTTP: the card pressed is redrawn without buttons, saying the service holds
 * nothing about them; where it cannot be, a plain line says so. Never "not in the directory yet".
 */
describe('plain-submit buttons pressed after the person erased their data', () => {
  let service: TestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService();
    await installAll(service.url, connector.url, [alex]);
    await postActivity(service.url, message(alex, 'delete my data'));
    await postActivity(service.url, cardExecute(alex, 'data_erase_confirm', {}));
    expect(await service.store.read('people', DEMO_IDS.alex, DEMO_IDS.alex)).toBeUndefined();
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  const press = (
    value: Record<string, unknown>,
    fields: Record<string, unknown>,
    serviceUrl = connector.url,
  ) => postActivity(service.url, activityFrom(alex, { type: 'message', value, ...fields }, serviceUrl));
  const updatesOf = (cardId: string, from: number) =>
    connector.posts
      .slice(from)
      .filter((p) => p.method === 'PUT' && p.path.endsWith(`/activities/${encodeURIComponent(cardId)}`))
      .map((p) => JSON.stringify(p.body));

  it.each([
    ["the welcome card's My requests", { verb: 'my_requests' }],
    ["the welcome card's Request a visit", { verb: 'new_request' }],
    ['Cancel on "my requests"', { verb: 'cancel_request', requestId: randomUUID() }],
  ])('redraws the card without buttons when %s is pressed', async (_case, value) => {
    const cardId = `card-${randomUUID()}`;
    const mark = connector.posts.length;
    const { replies } = await press(value, { replyToId: cardId });
    const [update, ...more] = updatesOf(cardId, mark);
    expect(more).toEqual([]);
    expect(update).toContain(NOT_ON_SERVICE);
    expect(update).not.toContain('Action.');
    expect(replies).toEqual([]);
    expect(await service.store.read('people', DEMO_IDS.alex, DEMO_IDS.alex)).toBeUndefined();
  });

  it('answers in a plain line when the card is not named, or cannot be updated', async () => {
    const unnamed = await press({ verb: 'my_requests' }, {});
    const unreachable = await press(
      { verb: 'my_requests' },
      { replyToId: 'card-gone' },
      'http://127.0.0.1:9/',
    );
    for (const { replies } of [unnamed, unreachable]) {
      expect(allText(replies)).toBe(SUBMIT_NOT_ON_SERVICE);
      expect(allText(replies)).not.toContain("can't find you in the staff directory");
    }
  });
});
