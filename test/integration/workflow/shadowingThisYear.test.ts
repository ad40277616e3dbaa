import { describeRequest } from '../../../src/app/describeRequest';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { RequestState, ShadowingRequest } from '../../../src/domain/requests';
import type { DocumentStore } from '../../../src/store/documentStore';
import { traceStore } from '../../support/storeTrace';
import { seedWorkflow, type Workflow } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/** A stored request of Alex's in `state`, for four hours from `start`. */
function visit(id: string, state: RequestState, start: string): ShadowingRequest {
  const end = new Date(Date.parse(start) + 4 * 3_600_000).toISOString();
  return {
    id,
    visitorId: DEMO_IDS.alex,
    managerId: DEMO_IDS.megan,
    state,
    purpose: 'To learn how discharges are planned',
    objectives: ['See a board round'],
    start,
    end,
    history: [],
    createdAt: '2024-01-02T09:00:00.000Z',
    updatedAt: '2024-01-02T09:00:00.000Z',
  };
}

/**
 * "Shadowing this year" on the manager's card counts the visitor's completed visits in this
 * London calendar year (not this one, not other states, not last year), read by a query that asks
 * the store for completed visits only; a card that does not show it does not read it.
 */
describe.each(STORE_SUBJECTS)("the visitor's shadowing this year ($name)", (subject) => {
  let store: DocumentStore;
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    store = opened.store;
    workflow = await seedWorkflow(store);
    const stored = [
      visit('done-1', 'completed', '2025-01-14T09:00:00.000Z'),
      visit('done-2', 'completed', '2025-02-11T09:00:00.000Z'),
      // The first hour of the year in London, and the last of the year before.
      visit('done-new-year', 'completed', '2025-01-01T00:30:00.000Z'),
      visit('done-last-year', 'completed', '2024-12-31T20:00:00.000Z'),
      visit('cancelled', 'cancelled', '2025-02-18T09:00:00.000Z'),
      visit('no-show', 'no_show', '2025-02-25T09:00:00.000Z'),
      visit('confirmed', 'confirmed', '2025-03-18T09:00:00.000Z'),
    ];
    for (const request of stored) await store.create('requests', { ...request });
  });
  afterAll(async () => cleanup());

  it('counts only completed visits this year, other than the one shown, with their hours', async () => {
    const shown = visit('confirmed', 'confirmed', '2025-03-18T09:00:00.000Z');
    const view = await describeRequest(workflow.services, shown);
    expect(view.doneThisYear).toBe(3);
    expect(view.hoursThisYear).toBe(12);
    const itself = await describeRequest(
      workflow.services,
      visit('done-2', 'completed', shown.start as string),
    );
    expect(itself.doneThisYear).toBe(2);
  });

  it('asks the store for completed visits only, and reads nothing of them when not wanted', async () => {
    const shown = visit('confirmed', 'confirmed', '2025-03-18T09:00:00.000Z');
    const trace = traceStore(store);
    try {
      const withHistory = await describeRequest(workflow.services, shown);
      const queries = trace.calls.filter((c) => c.container === 'requests' && c.operation === 'query');
      expect(queries.map((q) => q.fields)).toEqual([['state']]);
      trace.clear();
      const without = await describeRequest(workflow.services, shown, { withHistory: false });
      expect(trace.calls.filter((c) => c.container === 'requests')).toEqual([]);
      expect(without.doneThisYear).toBeUndefined();
      expect(without.hoursThisYear).toBeUndefined();
      expect({ ...without, doneThisYear: 3, hoursThisYear: 12 }).toEqual(withHistory);
    } finally {
      trace.restore();
    }
  });
});
