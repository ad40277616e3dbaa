import { describeRequest } from '../../../src/app/describeRequest';
import {
  RecentRequestViews,
  REQUEST_VIEW_KEEP_MS,
  REQUEST_VIEWS_KEPT,
} from '../../../src/app/sending/recentRequestViews';
import { createServices, type Services } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import type { DocumentStore } from '../../../src/store/documentStore';
import { ReadAheadStore } from '../../../src/store/readAheadStore';
import { traceStore, type StoreTrace } from '../../support/storeTrace';
import {
  DEMO_TODAY,
  morningOf,
  personOf,
  seedWorkflow,
  submitFor,
  VISIT_DAY,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

describe.each(STORE_SUBJECTS)(
  "a request's card described once for the messages sent together: $name",
  (subject) => {
    let raw: DocumentStore;
    let cleanup: () => Promise<void>;
    let services: Services;
    let request: ShadowingRequest;
    let recipient: Person;
    let trace: StoreTrace;
    let now: number;
    let views: RecentRequestViews;

    beforeEach(async () => {
      ({ store: raw, cleanup } = await subject.open());
      const workflow = await seedWorkflow(raw);
      request = await submitFor(
        workflow,
        await personOf(workflow.services, DEMO_IDS.alex),
        morningOf(VISIT_DAY),
      );
      recipient = await personOf(workflow.services, DEMO_IDS.megan);
      // As the service runs: its own writes go through the read-ahead store the copies listen to.
      const store = new ReadAheadStore(raw);
      services = createServices(store, () => DEMO_TODAY);
      now = 0;
      views = new RecentRequestViews(store, () => now);
      trace = traceStore(raw);
    });
    afterEach(async () => {
      trace.restore();
      await cleanup();
    });

    it('reads nothing for a second message about the same request, and shows the same card', async () => {
      const first = await views.describe(services, request, { known: [recipient] });
      expect(trace.calls.length).toBeGreaterThan(0);
      trace.clear();
      now = REQUEST_VIEW_KEEP_MS - 1;
      const second = await views.describe(services, request, { known: [recipient] });
      expect(trace.calls).toEqual([]);
      expect(second).toEqual(first);
      expect(first).toEqual(await describeRequest(services, request, { known: [recipient] }));
    });

    it('describes a request again once it has changed: a cancelled visit is never shown as it was', async () => {
      await views.describe(services, request, { known: [recipient] });
      trace.clear();
      const cancelled: ShadowingRequest = { ...request, state: 'cancelled' };
      const view = await views.describe(services, cancelled, { known: [recipient] });
      expect(trace.calls.length).toBeGreaterThan(0);
      expect(view.request.state).toBe('cancelled');
      expect(view).toEqual(await describeRequest(services, cancelled, { known: [recipient] }));
    });

    it("keeps a card with the visitor's visits this year apart from one without, and always reads a host's other free times afresh", async () => {
      const without = await views.describe(services, request, { withHistory: false });
      expect(without.doneThisYear).toBeUndefined();
      const withHistory = await views.describe(services, request);
      expect(withHistory.doneThisYear).toBe(0);
      trace.clear();
      await views.describe(services, request, { withAlternatives: true });
      await views.describe(services, request, { withAlternatives: true });
      expect(trace.calls.filter((c) => c.container === 'offers').length).toBeGreaterThanOrEqual(2);
    });

    it('reads again after REQUEST_VIEW_KEEP_MS', async () => {
      await views.describe(services, request, { known: [recipient] });
      trace.clear();
      now = REQUEST_VIEW_KEEP_MS;
      await views.describe(services, request, { known: [recipient] });
      expect(trace.calls.length).toBeGreaterThan(0);
    });

    it('reads again once this instance has written a person the card shows, and shows the recipient as the sender read them', async () => {
      const manager = await personOf(services, request.managerId as string);
      await views.describe(services, request, { known: [recipient] });
      await services.people.upsert({ ...manager, name: 'Megan Bowen-Hart' });
      const renamed = await views.describe(services, request);
      expect(renamed.manager?.name).toBe('Megan Bowen-Hart');

      // A recipient read afresh for the send is shown as read, even from a kept card.
      const visitor = await personOf(services, request.visitorId);
      const asRead = { ...visitor, name: 'Alex Wilber-Jones' };
      expect((await views.describe(services, request, { known: [asRead] })).visitor?.name).toBe(
        'Alex Wilber-Jones',
      );
    });

    it(`keeps the cards of at most ${REQUEST_VIEWS_KEPT} requests`, async () => {
      for (let i = 0; i <= REQUEST_VIEWS_KEPT; i += 1)
        await views.describe(services, { ...request, id: `${request.id}-${i}` }, { known: [recipient] });
      expect(views.size).toBe(REQUEST_VIEWS_KEPT);
      // The oldest went first: the first request is read again, the last is not.
      trace.clear();
      await views.describe(
        services,
        { ...request, id: `${request.id}-${REQUEST_VIEWS_KEPT}` },
        { known: [recipient] },
      );
      expect(trace.calls).toEqual([]);
      await views.describe(services, { ...request, id: `${request.id}-0` }, { known: [recipient] });
      expect(trace.calls.length).toBeGreaterThan(0);
    });
  },
);
