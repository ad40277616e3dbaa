import { createServices } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { DocumentStore } from '../../../src/store/documentStore';
import { actorFor, cardExecute } from '../../support/activities';
import { startFakeConnector } from '../../support/fakeConnector';
import { holdFollowUpWrites, type HeldWrites } from '../../support/heldWrites';
import { installAll, postActivity } from '../../support/http';
import { fileWithPlaceHeld, freeMornings, requestInState } from '../../support/requestInState';
import { SERVICE_ON_EACH_STORE, type ServiceOnStore } from '../../support/serviceOnEachStore';

const alex = actorFor(DEMO_IDS.alex, 'alex-answered-first');
const megan = actorFor(DEMO_IDS.megan, 'megan-answered-first');
const adele = actorFor(DEMO_IDS.adele, 'adele-answered-first');

/** The messages about one request queued for Alex and Megan, as the store holds them now. */
async function messagesAbout(store: DocumentStore, requestId: string): Promise<string[]> {
  const services = createServices(store);
  const all = await Promise.all(
    [DEMO_IDS.alex, DEMO_IDS.megan].map((id) => services.outbox.listForPerson(id)),
  );
  return all
    .flat()
    .filter((n) => n.requestId === requestId)
    .map((n) => `${n.kind} ${n.personId}`)
    .sort();
}

/**
 * Over HTTP, on the real service: a host's acceptance is answered (its card) while the messages
 * and pointers that follow it are still held, and a clean shutdown waits for them to be written
 * before the store is closed.
 */
describe.each(SERVICE_ON_EACH_STORE)(
  'a decision answered before what follows it, over HTTP, $name',
  (subject) => {
    it('answers while the messages are held, and stopping waits for them before closing the store', async () => {
      const connector = await startFakeConnector();
      let requestId: string | undefined;
      let held: HeldWrites | undefined;
      const atStoreClose: { pending?: number; messages?: string[] } = {};
      let running: ServiceOnStore | undefined;
      try {
        running = await subject.start('answeredfirst', {
          storeAround: (store) => {
            const close = store.close.bind(store);
            // What was written when the service closed its store.
            store.close = async () => {
              atStoreClose.pending = held?.pending();
              atStoreClose.messages = requestId ? await messagesAbout(store, requestId) : [];
              held?.release();
              await close();
            };
            held = holdFollowUpWrites(store, () => requestId);
            return held.store;
          },
        });
        const { service } = running;
        await installAll(service.url, connector.url, [alex, megan, adele]);
        const services = createServices(service.store);
        const [slot] = await freeMornings(services, 1, new Date());
        const request = requestInState('awaiting_host', slot!, slot!, new Date());
        await fileWithPlaceHeld(services, request);
        requestId = request.id;
        const before = await messagesAbout(service.store, request.id);

        const answer = await postActivity(
          service.url,
          cardExecute(
            adele,
            'decide',
            { action: 'accept', requestId: request.id, visitorId: request.visitorId },
            connector.url,
          ),
          { settled: false },
        );

        expect(answer.status).toBe(200);
        expect(JSON.stringify(answer.body)).toContain('Confirmed: Alex Wilber will shadow you');
        await held!.firstAsked;
        expect(held!.pending()).toBeGreaterThan(0);
        expect(await messagesAbout(service.store, request.id)).toEqual(before);

        // Shutdown asks for what follows answers to settle: only then are the held writes let go.
        const idle = service.afterAnswer.idle.bind(service.afterAnswer);
        const waited: string[] = [];
        service.afterAnswer.idle = () => {
          waited.push('shutdown waits for what follows answers');
          held!.release();
          return idle();
        };
        await running.stop();
        running = undefined;

        expect(waited.length).toBeGreaterThan(0);
        expect(atStoreClose.pending).toBe(0);
        expect(atStoreClose.messages).toEqual(
          [...before, `request_update ${DEMO_IDS.megan}`, `visit_confirmed ${DEMO_IDS.alex}`].sort(),
        );
      } finally {
        held?.release();
        await running?.stop();
        await connector.stop();
      }
    });
  },
);
