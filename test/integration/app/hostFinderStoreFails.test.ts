import { createHostFinder } from '../../../src/app/hostFinder';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { Shift } from '../../../src/domain/rota';
import {
  DEMO_TODAY,
  DISCHARGE_SEARCH,
  personOf,
  seedWorkflow,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';

const draft = DISCHARGE_SEARCH;

/**
 * The host search reads the hosts' names while it reads rotas: when the names cannot be read
 * before the rotas come back, the search fails with that error (the turn apologises), and no read
 * is left failing with nobody listening, which would stop the whole process.
 */
describe('host search when a read fails part way', () => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
  });
  afterAll(async () => cleanup());

  it('fails with the names read error while the rotas are still being read', async () => {
    const { services } = workflow;
    const visitor = await personOf(services, DEMO_IDS.alex);
    let namesFailed!: () => void;
    const failedNames = new Promise<void>((resolve) => (namesFailed = resolve));
    const finder = createHostFinder(
      {
        ...services,
        people: Object.create(services.people, {
          findById: {
            value: async () => {
              namesFailed();
              throw new Error('people gone');
            },
          },
        }) as typeof services.people,
        // The rotas come back only after the names have failed and that failure has been seen.
        rota: {
          shiftsBetween: async (personId: string, from: Date, to: Date): Promise<Shift[]> => {
            await failedNames;
            await new Promise((resolve) => setImmediate(resolve));
            return services.rota.shiftsBetween(personId, from, to);
          },
        },
      },
      visitor,
      () => DEMO_TODAY,
    );

    await expect(finder.findHosts(draft)).rejects.toThrow('people gone');
  });
});
