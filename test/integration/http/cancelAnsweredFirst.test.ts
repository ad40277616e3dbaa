import { createServices } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import { CANCELLED_FROM_LIST } from '../../../src/teams/handlers/cancelFromCard';
import { actorFor, cardSubmit } from '../../support/activities';
import { startFakeConnector } from '../../support/fakeConnector';
import { holdFollowUpWrites, type HeldWrites } from '../../support/heldWrites';
import { allText, installAll, postActivity } from '../../support/http';
import { fileWithPlaceHeld, freeMornings, requestInState } from '../../support/requestInState';
import { startTestService, type TestService } from '../../support/startTestService';

const alex = actorFor(DEMO_IDS.alex, 'alex-cancel-answered');
const megan = actorFor(DEMO_IDS.megan, 'megan-cancel-answered');
const adele = actorFor(DEMO_IDS.adele, 'adele-cancel-answered');

/**
 * Over HTTP: Cancel on "my requests" is answered once the request is written, before the messages
 * to the others are filed, so the answer says they are being told, not that they have been.
 */
describe('cancelling from "my requests"', () => {
  let service: TestService;
  let held: HeldWrites;
  let requestId: string | undefined;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService(
      {},
      {
        storeAround: (store) => {
          held = holdFollowUpWrites(store, () => requestId);
          return held.store;
        },
      },
    );
    await installAll(service.url, connector.url, [alex, megan, adele]);
  });
  afterAll(async () => {
    held?.release();
    await service?.stop();
    await connector?.stop();
  });

  it('says everyone is being told while their messages are still to be filed, and then files them', async () => {
    const services = createServices(service.store);
    const [slot] = await freeMornings(services, 1, new Date());
    const request = requestInState('awaiting_host', slot!, slot!, new Date());
    await fileWithPlaceHeld(services, request);
    requestId = request.id;
    const told = async () =>
      (await services.outbox.listForPerson(DEMO_IDS.megan)).filter((n) => n.requestId === request.id);
    const before = await told();

    const { replies } = await postActivity(
      service.url,
      {
        ...cardSubmit(alex, { verb: 'cancel_request', requestId: request.id }),
        serviceUrl: connector.url,
      },
      { settled: false },
    );
    expect(allText(replies)).toContain(CANCELLED_FROM_LIST);
    expect(allText(replies)).not.toMatch(/has been told|have been told/);
    expect(await told()).toEqual(before);

    held.release();
    await service.afterAnswer.idle();
    expect((await told()).map((n) => n.kind)).toEqual([...before.map((n) => n.kind), 'request_update']);
  });
});
