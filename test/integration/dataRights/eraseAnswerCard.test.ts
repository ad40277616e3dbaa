import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { DATA_ERASED, DATA_KEPT, NOTHING_TO_ERASE } from '../../../src/teams/cards/eraseDataCard';
import { actorFor, cardExecute, installation, message } from '../../support/activities';
import { postActivity } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-erase-answer');

/** The invoke's answer: the card that replaces the one pressed, or undefined when it is a message. */
async function press(service: TestService, verb: string): Promise<string | undefined> {
  const { body } = await postActivity(service.url, cardExecute(alex, verb, {}));
  const answer = body as { type?: string; value?: unknown };
  return answer.type === 'application/vnd.microsoft.card.adaptive' ? JSON.stringify(answer.value) : undefined;
}

/**
 * The "Delete my data?" card, over HTTP: each answer replaces the card with what was done and no
 * buttons, so nobody presses "Yes" again to be told there was nothing to delete.
 */
describe('the "Delete my data?" card once answered', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
    await postActivity(service.url, installation(alex));
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('says the data is kept, without buttons, when they press No', async () => {
    const asked = await postActivity(service.url, message(alex, 'delete my data'));
    expect(JSON.stringify(asked.replies)).toContain('data_erase_confirm');
    const card = await press(service, 'data_erase_cancel');
    expect(card).toContain(DATA_KEPT);
    expect(card).not.toContain('Action.');
    expect(await service.store.read('people', DEMO_IDS.alex, DEMO_IDS.alex)).toBeDefined();
  });

  it('says what was deleted, without buttons, when they press Yes', async () => {
    const card = await press(service, 'data_erase_confirm');
    expect(card).toContain(DATA_ERASED);
    expect(card).not.toContain('Action.');
    expect(await service.store.read('people', DEMO_IDS.alex, DEMO_IDS.alex)).toBeUndefined();
  });

  it('says plainly there was nothing to delete, and takes the buttons off, on a copy pressed after', async () => {
    const card = await press(service, 'data_erase_confirm');
    expect(card).toContain(NOTHING_TO_ERASE);
    expect(card).not.toContain('Action.');
  });
});
