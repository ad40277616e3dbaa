import { createServices } from '../../../src/app/services';
import { submitRequest } from '../../../src/app/submitRequest';
import type { HostOffer } from '../../../src/domain/offers';
import type { Person } from '../../../src/domain/people';
import { slotForDay } from '../../../src/domain/requestDialog/slotForDay';
import type { ContainerName } from '../../../src/store/containers';
import type { Doc, DocumentStore, WriteOptions } from '../../../src/store/documentStore';
import { finishedDraft, seedWorkflow, visitorPerSlot, type Workflow } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/**
 * The same store, with the first write of this offer's places held back until the request being
 * sent beside it has been stored; then `meanwhile` runs (another visitor takes the place, or the
 * store goes), and the write goes on or fails as `meanwhile` says.
 */
function placeWriteAfterRequest(
  store: DocumentStore,
  offerId: string,
  meanwhile: () => Promise<'go on' | 'fail'>,
): { store: DocumentStore; requestsStored: string[] } {
  const requestsStored: string[] = [];
  let stored: Promise<unknown> | undefined;
  let armed = true;
  const hold = async (container: ContainerName, doc: Doc, write: () => Promise<unknown>) => {
    if (container !== 'tasks' || doc.id !== `ledger:${offerId}` || !armed) return write();
    armed = false;
    if (!stored) throw new Error('the place was written before the request was stored');
    await stored.catch(() => undefined);
    if ((await meanwhile()) === 'fail') throw new Error('store gone');
    return write();
  };
  const wrapped = Object.create(store, {
    create: {
      value: (container: ContainerName, doc: Doc) => {
        if (container !== 'requests') return hold(container, doc, () => store.create(container, doc));
        requestsStored.push(doc.id);
        stored = store.create(container, doc);
        return stored;
      },
    },
    replace: {
      value: (container: ContainerName, doc: Doc, options?: WriteOptions) =>
        hold(container, doc, () => store.replace(container, doc, options)),
    },
  }) as DocumentStore;
  return { store: wrapped, requestsStored };
}

/**
 * The request is stored while its place is written. When the place is lost on the reservation's
 * recheck (another visitor took it in between), or the write of the place fails, the request that
 * had been stored is removed before the answer, and nobody is told of it: no pointers, no messages.
 */
describe.each(STORE_SUBJECTS)('a send whose place is lost after its request was stored: $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let offer: HostOffer;
  const tuesday = slotForDay('2025-03-11', 'am');
  const wednesday = slotForDay('2025-03-12', 'am');

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    offer = {
      ...workflow.offer,
      id: 'offer-once-a-week',
      sessions: [
        { weekday: 'tue', part: 'am' },
        { weekday: 'wed', part: 'am' },
      ],
      capacityPerWeek: 1,
      capacityPerMonth: 4,
    };
    await workflow.store.upsert('offers', { ...offer });
  });
  afterAll(async () => cleanup());

  const leftAbout = async (requestId: string) => ({
    messages: await workflow.store.query('outbox', {
      where: [{ field: 'requestId', op: '=', value: requestId }],
    }),
    pointers: await workflow.store.query('tasks', {
      where: [{ field: 'requestId', op: '=', value: requestId }],
    }),
  });

  it('removes the request when another visitor takes the last place in between', async () => {
    const [late, early] = (await visitorPerSlot(workflow.services, offer, [tuesday, wednesday])) as [
      Person,
      Person,
    ];
    const now = workflow.services.clock();
    let earlier: Awaited<ReturnType<typeof submitRequest>> | undefined;
    const racing = placeWriteAfterRequest(workflow.store, offer.id, async () => {
      earlier = await submitRequest(workflow.services, early, finishedDraft(offer, wednesday, now), now);
      return 'go on';
    });
    const draft = { ...finishedDraft(offer, tuesday, now), id: `lost-place-${subject.name}` };

    const result = await submitRequest(
      createServices(racing.store, () => now),
      late,
      draft,
      now,
    );

    expect(racing.requestsStored).toContain(draft.id);
    expect(earlier).toMatchObject({ ok: true });
    expect(result).toEqual({
      ok: false,
      problems: [expect.stringContaining('takes at most 1 visit a week')],
    });
    expect(await workflow.services.requests.find(late.id, draft.id)).toBeUndefined();
    expect(await leftAbout(draft.id)).toEqual({ messages: [], pointers: [] });
    const held = await workflow.services.holds.holdsAround(offer.hostId, offer.id, tuesday.start);
    expect(held.map((h) => h.requestId)).toEqual([earlier?.ok ? earlier.request.id : 'none']);
  });

  it('removes the request when the place cannot be written', async () => {
    const [visitor] = (await visitorPerSlot(workflow.services, offer, [slotForDay('2025-03-25', 'am')])) as [
      Person,
    ];
    const slot = slotForDay('2025-03-25', 'am');
    const now = workflow.services.clock();
    const failing = placeWriteAfterRequest(workflow.store, offer.id, async () => 'fail');
    const draft = { ...finishedDraft(offer, slot, now), id: `place-write-fails-${subject.name}` };

    await expect(
      submitRequest(
        createServices(failing.store, () => now),
        visitor,
        draft,
        now,
      ),
    ).rejects.toThrow('store gone');

    expect(failing.requestsStored).toContain(draft.id);
    expect(await workflow.services.requests.find(visitor.id, draft.id)).toBeUndefined();
    expect(await leftAbout(draft.id)).toEqual({ messages: [], pointers: [] });
    expect(await workflow.services.holds.isHeld(offer.hostId, offer.id, draft.id, slot.start)).toBe(false);
  });
});
