import { importOffer } from '../../../src/app/offers/importOffers';
import { createServices, type Services } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { OfferEntry } from '../../../src/domain/import/parseOfferCsv';
import { actorFor, activityFrom } from '../../support/activities';
import { startFakeConnector } from '../../support/fakeConnector';
import { postActivity } from '../../support/http';
import { startTestService, type TestService } from '../../support/startTestService';

const lynne = actorFor(DEMO_IDS.lynne, 'lynne-induction');

const ENTRY: OfferEntry = {
  hostEmail: 'lynner@example.com',
  title: 'Early mobility on the stroke ward',
  description: 'Watch how patients get moving in the first days after a stroke.',
  setting: 'ward',
  sessions: [{ weekday: 'wed', part: 'am' }],
  visitorsPerSession: 1,
  capacityPerWeek: 1,
  capacityPerMonth: 2,
  openTo: [],
  prerequisites: '',
  meetingPoint: 'Stroke unit reception',
  line: 2,
};

/**
 * The induction card for an imported offer in a sensitive setting is drawn from the offer as it is
 * when it is sent: renamed before it goes, it shows the new title, never the one it was queued with.
 */
describe('the induction card of an imported offer', () => {
  let service: TestService;
  let services: Services;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    // Only the test's tick sends, so the offer can be renamed while its card is still queued.
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' });
    services = createServices(service.store);
    await postActivity(
      service.url,
      activityFrom(
        lynne,
        { type: 'conversationUpdate', membersAdded: [{ id: lynne.userId }], deliveryMode: 'normal' },
        connector.url,
      ),
    );
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  it('shows the title the offer has when the card is sent', async () => {
    const host = await services.people.findById(DEMO_IDS.lynne);
    const { offer } = await importOffer(services, host!, ENTRY, new Date());
    expect(offer).toMatchObject({ status: 'paused', awaitingInduction: true });
    const found = await services.offers.find(offer.hostId, offer.id);
    await services.offers.replace({ ...found!.offer, title: 'Getting moving after a stroke' }, found!.etag);

    const mark = connector.posts.length;
    await service.dispatcher.tick();
    await service.dispatcher.idle();
    const sent = connector.posts
      .slice(mark)
      .filter((p) => p.path.includes(encodeURIComponent(lynne.conversationId)))
      .map((p) => JSON.stringify(p.body));
    const card = sent.find((body) => body.includes('Your offer needs your agreement'));
    expect(card).toBeDefined();
    expect(card).toContain('Getting moving after a stroke');
    expect(card).not.toContain(ENTRY.title);
    expect(card).toContain(offer.id);
  });
});
