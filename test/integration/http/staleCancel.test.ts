import { createServices } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { RequestState } from '../../../src/domain/requests';
import { nothingToCancel } from '../../../src/teams/handlers/cancelFromCard';
import { actorFor, cardSubmit } from '../../support/activities';
import { startFakeConnector } from '../../support/fakeConnector';
import { allText, installAll, postActivity } from '../../support/http';
import { fileWithPlaceHeld, freeMornings, requestInState } from '../../support/requestInState';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-stale-cancel');
const megan = actorFor(DEMO_IDS.megan, 'megan-stale-cancel');
const adele = actorFor(DEMO_IDS.adele, 'adele-stale-cancel');
const OVER: RequestState[] = ['declined_by_host', 'declined_by_manager', 'cancelled', 'expired'];

/**
 * Over HTTP: "Cancel this request" pressed on a visitor's request card that still offers it after
 * the request is over (its record was lost, so it was never redrawn). Nothing changes; the answer
 * says plainly why, and the card pressed is redrawn in place without the button.
 */
describe('a stale "Cancel this request" pressed after the request is over', () => {
  let service: TestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let slots: Array<{ start: string; end: string }>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService();
    await installAll(service.url, connector.url, [alex, megan, adele]);
    slots = await freeMornings(createServices(service.store), OVER.length, new Date());
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  /** Every stored request and message, as the store holds them, to show nothing changed. */
  const everything = async () => [
    ...(await service.store.query('requests')).map((d) => JSON.stringify(d)),
    ...(await service.store.query('outbox')).map((d) => JSON.stringify(d)),
  ];
  const press = (requestId: string, fields: Record<string, unknown>) =>
    postActivity(service.url, {
      ...cardSubmit(alex, { verb: 'cancel_request', requestId }),
      serviceUrl: connector.url,
      ...fields,
    });

  it.each(OVER.map((state, i) => [state, i] as const))(
    'changes nothing when it is %s, says so, and redraws the card pressed without the button',
    async (state, i) => {
      const request = requestInState(state, slots[i]!, slots[i]!, new Date());
      await fileWithPlaceHeld(createServices(service.store), request);
      const before = await everything();
      const mark = connector.posts.length;
      const cardId = `request-card-${state}`;

      const { replies } = await press(request.id, { replyToId: cardId });

      expect(allText(replies)).toBe(nothingToCancel(request));
      expect(replies).toHaveLength(1);
      expect(await everything()).toEqual(before);
      const updates = connector.posts
        .slice(mark)
        .filter((p) => p.method === 'PUT' && p.path.endsWith(`/activities/${cardId}`))
        .map((p) => JSON.stringify(p.body));
      expect(updates).toHaveLength(1);
      expect(updates[0]).toContain('Your requests');
      // Every request here is over: none is offered for cancelling any more.
      expect(updates[0]).not.toContain('cancel_request');
    },
  );

  it('answers the same, and sends the requests as they stand, when the card pressed is not named', async () => {
    const [request] = (await service.store.query<{ id: string; state: RequestState }>('requests')).filter(
      (r) => r.state === 'expired',
    );
    const before = await everything();
    const { replies } = await press(request!.id, {});
    expect(replies[0]?.text).toContain(
      'That request is no longer open (expired), so there is nothing to cancel.',
    );
    expect(JSON.stringify(replies[1])).toContain('Your requests');
    expect(await everything()).toEqual(before);
  });
});
