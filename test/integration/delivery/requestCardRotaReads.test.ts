import { describeRelease } from '../../../src/app/describeRelease';
import { describeRequest } from '../../../src/app/describeRequest';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import type { DocumentStore } from '../../../src/store/documentStore';
import { sequentialRoundTrips, traceStore } from '../../support/storeTrace';
import { morningOf, personOf, seedWorkflow, submitFor, VISIT_DAY } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

describe.each(STORE_SUBJECTS)("a request's card reads the visitor's rota once: $name", (subject) => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await subject.open());
  });
  afterEach(async () => {
    await cleanup();
  });

  it("reads the visitor's rota once, everything in one round trip, and not the people the sender has just read", async () => {
    const workflow = await seedWorkflow(store);
    const visitor = await personOf(workflow.services, DEMO_IDS.alex);
    const request = await submitFor(workflow, visitor, morningOf(VISIT_DAY));
    const slot = { start: request.start as string, end: request.end as string };
    const trace = traceStore(store);
    await workflow.services.rota.shiftsBetween(visitor.id, new Date(slot.start), new Date(slot.end));
    // What reading the visitor's rota for the visit once costs (one call for all its months).
    const rotaRead = trace.calls.filter((c) => c.container === 'rota').map((c) => `${c.operation} rota`);
    trace.clear();

    const view = await describeRequest(workflow.services, request, { known: [visitor] });

    const calls = trace.calls.map((c) => `${c.operation} ${c.container}`);
    trace.restore();
    // Once for rostered-or-not and again for the release: each rota month was read twice before.
    expect(rotaRead.length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.endsWith(' rota'))).toEqual(rotaRead);
    // The manager and host are read, the visitor given is not.
    expect(calls.filter((c) => c === 'read people')).toHaveLength(2);
    expect(sequentialRoundTrips(trace.calls)).toBe(1);
    // The same card as when everything is read afresh, the release as worked out on its own.
    expect(await describeRequest(workflow.services, request)).toEqual(view);
    expect(view.release).toEqual(await describeRelease(workflow.services, visitor, slot));
    expect(view.visitor).toEqual(visitor);
  });
});
