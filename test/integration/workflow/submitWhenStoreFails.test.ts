import { createServices } from '../../../src/app/services';
import { submitRequest } from '../../../src/app/submitRequest';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { DocumentStore } from '../../../src/store/documentStore';
import { finishedDraft, morningOf, personOf, seedWorkflow, VISIT_DAY } from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';

/**
 * Sending a request reads the offer, the draft and the rotas while the host's places are read:
 * when the store fails every read, the sending fails with the store's error, and none of the
 * reads started beside it is left failing with nobody listening (which would stop the process).
 */
describe('sending a request while the store fails every read', () => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;
  const unheard: unknown[] = [];
  const listen = (reason: unknown) => unheard.push(reason);

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    store = opened.store;
    cleanup = opened.cleanup;
    process.on('unhandledRejection', listen);
  });
  afterAll(async () => {
    process.off('unhandledRejection', listen);
    await cleanup();
  });

  it('fails with the store error and leaves no read unheard', async () => {
    const workflow = await seedWorkflow(store);
    const visitor = await personOf(workflow.services, DEMO_IDS.alex);
    const failing: DocumentStore = Object.create(store, {
      read: { value: () => Promise.reject(new Error('store gone')) },
      readMany: { value: () => Promise.reject(new Error('store gone')) },
      query: { value: () => Promise.reject(new Error('store gone')) },
    });
    const services = createServices(failing, workflow.services.clock);
    const now = workflow.services.clock();

    await expect(
      submitRequest(services, visitor, finishedDraft(workflow.offer, morningOf(VISIT_DAY), now), now),
    ).rejects.toThrow('store gone');
    // Unhandled rejections are reported once the current task's promise jobs have run.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(unheard).toEqual([]);
  });
});
