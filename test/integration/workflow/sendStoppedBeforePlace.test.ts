import { createDispatcher } from '../../../src/app/dispatcher';
import { SEND_SETTLE_MS } from '../../../src/app/fileStoppedSends';
import { createServices } from '../../../src/app/services';
import { fileWhatSendingMissed, submitRequest } from '../../../src/app/submitRequest';
import type { Person } from '../../../src/domain/people';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { createLogger } from '../../../src/logging/logger';
import { STORE_REQUESTS, type Doc, type DocumentStore } from '../../../src/store/documentStore';
import { installFor, recordingDeliverer } from '../../support/recordingDeliverer';
import {
  DEMO_TODAY,
  finishedDraft,
  morningOf,
  seedWorkflow,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/**
 * The same store as seen by a process that stops the moment the request it is sending has been
 * stored: the write of the request's place, sent beside it, never lands, and nothing after it
 * reaches the store.
 */
function stopsAfterStoringRequest(store: DocumentStore): DocumentStore {
  let stored: Promise<unknown> | undefined;
  let stopped = false;
  const gone = () => Promise.reject(new Error('process stopped'));
  const operations = Object.fromEntries(
    STORE_REQUESTS.map((operation) => [
      operation,
      {
        value: (...args: unknown[]) => {
          if (stopped) return gone();
          const [container, doc] = args as [string, Doc | undefined];
          if (operation === 'create' && container === 'requests') {
            stored = (store.create as (...a: unknown[]) => Promise<unknown>)(...args);
            void stored.finally(() => (stopped = true)).catch(() => undefined);
            return stored;
          }
          const isPlace = container === 'tasks' && String(doc?.id ?? '').startsWith('ledger:');
          if (isPlace && (operation === 'create' || operation === 'replace'))
            return (stored ?? Promise.resolve()).then(gone, gone);
          return (store[operation] as (...a: unknown[]) => Promise<unknown>)(...args);
        },
      },
    ]),
  );
  return Object.create(store, operations) as DocumentStore;
}

/**
 * A send that stored its request and stopped before the request's place was held: the request is
 * never announced. Sending the draft again holds the place and sends it (or says why it cannot);
 * left alone, the scheduler removes it once the send has had time to finish, and tells the visitor
 * it was not sent.
 */
describe.each(STORE_SUBJECTS)('a send stopped before its place was held, $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let visitors: Person[];
  // One visitor free on each day; two on the 25th, who want the same place.
  const days = ['2025-03-18', '2025-03-20', '2025-03-25', '2025-03-25', '2025-04-01'];

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    visitors = await visitorPerSlot(workflow.services, workflow.offer, days.map(morningOf));
    await installFor(workflow.services.people, [
      ...visitors.map((v) => v.id),
      ...visitors.map((v) => v.managerId as string),
    ]);
  });
  afterAll(async () => cleanup());

  const leftAbout = async (requestId: string) => ({
    messages: (
      await workflow.store.query('outbox', { where: [{ field: 'requestId', op: '=', value: requestId }] })
    ).map((n) => [n.kind, n.personId]),
    pointers: (
      await workflow.store.query('tasks', { where: [{ field: 'requestId', op: '=', value: requestId }] })
    ).map((t) => t.role),
  });
  const isHeld = (request: { id: string; start: string }) =>
    workflow.services.holds.isHeld(workflow.offer.hostId, workflow.offer.id, request.id, request.start);

  /** Sends this visitor's draft through a process that stops once the request is stored. */
  const sendThatStops = async (visitor: Person, day: string, draftId: string) => {
    workflow.setNow(DEMO_TODAY);
    const draft = { ...finishedDraft(workflow.offer, morningOf(day), DEMO_TODAY), id: draftId };
    const services = createServices(stopsAfterStoringRequest(workflow.store), workflow.services.clock);
    await expect(submitRequest(services, visitor, draft, DEMO_TODAY)).rejects.toThrow('process stopped');
    const stored = (await workflow.services.requests.find(visitor.id, draftId))?.request as ShadowingRequest;
    expect(stored.state).toBe('awaiting_manager');
    expect(await isHeld({ id: draftId, start: morningOf(day).start })).toBe(false);
    expect(await leftAbout(draftId)).toEqual({ messages: [], pointers: [] });
    return { draft, stored };
  };
  const tickAt = async (msAfterSend: number, times: number) => {
    const deliverer = recordingDeliverer();
    const dispatcher = createDispatcher(workflow.store, workflow.services, deliverer, createLogger('silent'));
    workflow.setNow(new Date(DEMO_TODAY.getTime() + msAfterSend));
    for (let i = 0; i < times; i += 1) await dispatcher.tick();
    return deliverer.delivered;
  };

  it('never announces it; the scheduler removes it after a minute and tells the visitor once', async () => {
    const visitor = visitors[0] as Person;
    const draftId = `stopped-before-place-${subject.name}`;
    const { stored } = await sendThatStops(visitor, days[0] as string, draftId);

    // "Send" clicked again once the conversation moved on: the request is not said to be sent.
    expect(await fileWhatSendingMissed(workflow.services, stored, DEMO_TODAY)).toBeUndefined();
    expect(await leftAbout(draftId)).toEqual({ messages: [], pointers: [] });

    expect((await tickAt(SEND_SETTLE_MS - 1, 2)).filter((d) => d.requestId === draftId)).toEqual([]);
    expect(await workflow.services.requests.find(visitor.id, draftId)).toBeDefined();

    const delivered = await tickAt(SEND_SETTLE_MS, 2);
    expect(delivered.filter((d) => d.requestId === draftId).map((d) => [d.kind, d.personId])).toEqual([
      ['request_not_sent', visitor.id],
    ]);
    expect(await workflow.services.requests.find(visitor.id, draftId)).toBeUndefined();
    const [told] = (await workflow.services.outbox.listForPerson(visitor.id)).filter(
      (n) => n.requestId === draftId,
    );
    expect(told?.note).toMatch(/^Your request to visit ".+" on Tue 18 Mar, 09:00-1[23]:00 was not sent\./);
    expect(told?.note).toContain('your manager has not been asked');
    expect(await leftAbout(draftId)).toEqual({ messages: [['request_not_sent', visitor.id]], pointers: [] });

    expect((await tickAt(SEND_SETTLE_MS * 3, 2)).filter((d) => d.requestId === draftId)).toEqual([]);
  });

  it('sends it, once, when the same draft is sent again', async () => {
    const visitor = visitors[1] as Person;
    const draftId = `sent-again-${subject.name}`;
    const { draft } = await sendThatStops(visitor, days[1] as string, draftId);

    const again = await submitRequest(workflow.services, visitor, draft, DEMO_TODAY);

    expect(again).toMatchObject({ ok: true, request: { id: draftId, state: 'awaiting_manager' } });
    expect(again.ok && again.already).toBeFalsy();
    expect(await isHeld({ id: draftId, start: morningOf(days[1] as string).start })).toBe(true);
    expect(await leftAbout(draftId)).toEqual({
      messages: [['approval_needed', visitor.managerId]],
      pointers: expect.arrayContaining(['manager', 'host']),
    });
    expect(await submitRequest(workflow.services, visitor, draft, DEMO_TODAY)).toMatchObject({
      ok: true,
      already: true,
    });
    expect((await leftAbout(draftId)).messages).toHaveLength(1);
  });

  it('removes it and says why when its place has gone by the time the draft is sent again', async () => {
    const [visitor, other] = [visitors[2] as Person, visitors[3] as Person];
    const day = days[2] as string;
    const draftId = `place-gone-${subject.name}`;
    const { draft } = await sendThatStops(visitor, day, draftId);
    const taken = await submitRequest(
      workflow.services,
      other,
      finishedDraft(workflow.offer, morningOf(day), DEMO_TODAY),
      DEMO_TODAY,
    );
    expect(taken).toMatchObject({ ok: true });

    const again = await submitRequest(workflow.services, visitor, draft, DEMO_TODAY);

    expect(again).toEqual({
      ok: false,
      problems: [expect.stringContaining('Another visitor has already asked for or booked')],
    });
    expect(await workflow.services.requests.find(visitor.id, draftId)).toBeUndefined();
    expect(await leftAbout(draftId)).toEqual({ messages: [], pointers: [] });
  });

  it('sends the draft for its new time when the time was changed before it was sent again', async () => {
    const visitor = visitors[4] as Person;
    const draftId = `new-time-${subject.name}`;
    const { draft } = await sendThatStops(visitor, days[4] as string, draftId);
    // The same morning, an hour shorter.
    const morning = morningOf(days[4] as string);
    const later = { start: morning.start, end: new Date(Date.parse(morning.end) - 3_600_000).toISOString() };

    const again = await submitRequest(workflow.services, visitor, { ...draft, slot: later }, DEMO_TODAY);

    expect(again).toMatchObject({ ok: true, request: { id: draftId, end: later.end } });
    expect((await workflow.services.requests.find(visitor.id, draftId))?.request.end).toBe(later.end);
    expect(await isHeld({ id: draftId, start: later.start })).toBe(true);
    expect(await leftAbout(draftId)).toEqual({
      messages: [['approval_needed', visitor.managerId]],
      pointers: expect.arrayContaining(['manager', 'host']),
    });
  });
});
