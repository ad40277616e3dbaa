import { createServices } from '../../../src/app/services';
import { HOLD_SETTLING_MINUTES } from '../../../src/app/doctor/checkStore';
import { runDoctor } from '../../../src/cli/commands/doctor';
import type { Person } from '../../../src/domain/people';
import type { DocumentStore } from '../../../src/store/documentStore';
import {
  freeVisitors,
  morningOf,
  seedWorkflow,
  submitFor,
  VISIT_DAY,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const MINUTE = 60_000;

/** Runs `doctor` (with --repair if asked) at `now`, returning what it printed and whether it failed. */
async function doctor(store: DocumentStore, now: Date, repair: boolean) {
  let out = '';
  const failed = await runDoctor(
    { store, out: { write: (t) => void (out += t) }, now: () => now },
    { repair },
  )
    .then(() => false)
    .catch(() => true);
  return { out, failed };
}

/**
 * The same store, but storing a request waits until `open()` is called: a send caught between
 * taking its place and storing its request (the two are written side by side). `reached` resolves
 * when a send gets there: its request waiting to be stored, and its place written.
 */
function gateRequestWrites(store: DocumentStore) {
  let open!: () => void;
  let requestWaiting!: () => void;
  let placeWritten!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const waiting = new Promise<void>((resolve) => (requestWaiting = resolve));
  const written = new Promise<void>((resolve) => (placeWritten = resolve));
  const gated = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property !== 'create' && property !== 'replace') return value.bind(target);
      return async (container: string, ...rest: unknown[]) => {
        if (container === 'requests' && property === 'create') {
          requestWaiting();
          await gate;
        }
        const result = await (value as (...args: unknown[]) => unknown).call(target, container, ...rest);
        if (container === 'tasks' && String((rest[0] as { id?: unknown }).id).startsWith('ledger:'))
          placeWritten();
        return result;
      };
    },
  });
  return { store: gated, open, reached: Promise.all([waiting, written]) };
}

const holdsOf = async (workflow: Workflow, requestId: string) =>
  (
    await workflow.services.holds.holdsAround(
      workflow.offer.hostId,
      workflow.offer.id,
      morningOf(VISIT_DAY).start,
    )
  ).filter((h) => h.requestId === requestId);

describe.each(STORE_SUBJECTS)('doctor --repair and a send under way ($name)', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let visitor: Person;

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    [visitor] = (await freeVisitors(workflow.services, workflow.offer, morningOf(VISIT_DAY), 1)) as [Person];
  });
  afterAll(async () => cleanup());

  it('keeps the place of a send that has taken it but not stored its request yet', async () => {
    const gated = gateRequestWrites(workflow.store);
    const sending = submitFor(
      { ...workflow, store: gated.store, services: createServices(gated.store, workflow.services.clock) },
      visitor,
      morningOf(VISIT_DAY),
    );
    await gated.reached;
    const now = new Date(workflow.services.clock().getTime() + MINUTE);

    const repaired = await doctor(workflow.store, now, true);
    expect(repaired.out).toContain('Places held for requests that are gone or closed: 0\n');
    expect(repaired.out).toContain(
      `Places taken in the last ${HOLD_SETTLING_MINUTES} minutes whose request is not stored yet (left alone: it may still be being sent): 1\n`,
    );
    expect(repaired.out).toContain('Repaired: 0 place(s) given back');
    expect(repaired.out).toContain(
      `1 place(s) taken in the last ${HOLD_SETTLING_MINUTES} minutes kept: run doctor again later if their request never arrives.`,
    );
    expect(repaired.failed).toBe(false);

    gated.open();
    const request = await sending;
    expect(request.state).toBe('awaiting_manager');
    const [hold] = await holdsOf(workflow, request.id);
    expect(hold?.heldAt).toBe(workflow.services.clock().toISOString());
    // Once the request is stored, the place is simply in use.
    const later = await doctor(workflow.store, new Date(now.getTime() + 60 * MINUTE), false);
    expect(later.out).toContain('Places held for requests that are gone or closed: 0\n');
    expect(later.out).toMatch(/Places taken in the last \d+ minutes .*: 0\n/);
  });

  it(`gives a place back once it has been held ${HOLD_SETTLING_MINUTES} minutes without a request`, async () => {
    const now = new Date('2025-03-04T12:00:00Z');
    const holdFor = (requestId: string, heldAt?: Date) =>
      workflow.services.holds.reserve(
        workflow.offer.hostId,
        workflow.offer.id,
        { requestId, ...morningOf(VISIT_DAY), ...(heldAt ? { heldAt: heldAt.toISOString() } : {}) },
        async () => ({ ok: true }),
      );
    await holdFor('send-failed', new Date(now.getTime() - (HOLD_SETTLING_MINUTES + 1) * MINUTE));
    await holdFor('send-under-way', new Date(now.getTime() - (HOLD_SETTLING_MINUTES - 1) * MINUTE));
    await holdFor('held-before-times-were-kept');

    const checked = await doctor(workflow.store, now, false);
    expect(checked.failed).toBe(true);
    expect(checked.out).toContain('Places held for requests that are gone or closed: 2\n');
    expect(checked.out).toMatch(
      /minutes whose request is not stored yet .*: 1\n {2}.*request send-under-way/,
    );

    const repaired = await doctor(workflow.store, now, true);
    expect(repaired.out).toContain('Repaired: 2 place(s) given back');
    expect(await holdsOf(workflow, 'send-failed')).toEqual([]);
    expect(await holdsOf(workflow, 'held-before-times-were-kept')).toEqual([]);
    expect(await holdsOf(workflow, 'send-under-way')).toHaveLength(1);

    // Its send never stored a request: the next run after the settling time gives it back.
    const after = await doctor(workflow.store, new Date(now.getTime() + 2 * MINUTE), true);
    expect(after.out).toContain('Repaired: 1 place(s) given back');
    expect(await holdsOf(workflow, 'send-under-way')).toEqual([]);
  });
});
