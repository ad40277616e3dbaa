import { decideOnCover } from '../../../src/app/decideOnCover';
import { decideOnRequest } from '../../../src/app/decideOnRequest';
import { SEND_SETTLE_MS } from '../../../src/app/fileStoppedSends';
import { recheckAfterRotaChange } from '../../../src/app/recheckAfterRotaChange';
import { erasePersonData } from '../../../src/app/dataRights/erasePersonData';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { OPEN_STATES } from '../../../src/domain/workflow/transitions';
import { freeMornings } from '../../support/requestInState';
import { stoppedMoves, type Slot } from '../../support/stoppedMoves';
import { DEMO_TODAY, personOf, seedWorkflow, type Workflow } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/**
 * A move that stored the request and stopped before anything that follows it (its pointers, the
 * place given back, its messages), with nobody left to click again: once the request has rested a
 * minute, the scheduler files exactly what is missing, once, and a later run (on this instance or
 * a fresh one) writes nothing. A move that filed everything costs the scheduler no write.
 */
describe.each(STORE_SUBJECTS)('the scheduler finishes a move that stopped half way, $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let slots: Slot[];

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    slots = await freeMornings(workflow.services, 8, DEMO_TODAY);
  });
  afterAll(async () => cleanup());

  const {
    nextHour,
    filed,
    failing,
    decideThenStop,
    stored,
    pointers,
    isHeld,
    id,
    sweep,
    expectFiledOnce,
    rostered,
  } = stoppedMoves(() => workflow);

  it('tells the host, the visitor and the rota coordinator of an approval, and points both at it', async () => {
    const request = await filed('awaiting_manager', slots[0]!);
    const movedAt = nextHour();
    await decideThenStop(request, DEMO_IDS.megan, { action: 'approve', coverMethod: 'rota_coordinator' });
    expect(await stored(request)).toMatchObject({ state: 'awaiting_host', coverArrangerId: DEMO_IDS.miriam });
    expect((await pointers(request)).map((t) => t?.state)).toEqual(['awaiting_manager', 'awaiting_manager']);

    await expectFiledOnce(request, movedAt, [
      id('host_decision_needed', request, DEMO_IDS.adele, '2'),
      id('request_update', request, DEMO_IDS.alex, '2'),
      id('cover_needed', request, DEMO_IDS.miriam, 'cover-1'),
    ]);
  });

  it('tells the visitor and the manager of an acceptance', async () => {
    const request = await filed('awaiting_host', slots[1]!);
    const movedAt = nextHour();
    await decideThenStop(request, DEMO_IDS.adele, { action: 'accept' });
    expect((await stored(request)).state).toBe('confirmed');

    await expectFiledOnce(request, movedAt, [
      id('visit_confirmed', request, DEMO_IDS.alex, '3'),
      id('request_update', request, DEMO_IDS.megan, '3'),
    ]);
    expect(await isHeld(request)).toBe(true);
  });

  it("gives a cancelled visit's place back, and tells the manager and the host", async () => {
    const request = await filed('confirmed', slots[2]!);
    const movedAt = nextHour();
    await decideThenStop(request, DEMO_IDS.alex, { action: 'cancel' });
    expect((await stored(request)).state).toBe('cancelled');
    expect(await isHeld(request)).toBe(true);

    await expectFiledOnce(request, movedAt, [
      id('request_update', request, DEMO_IDS.megan, '4'),
      id('request_update', request, DEMO_IDS.adele, '4'),
    ]);
    expect(await isHeld(request)).toBe(false);
  });

  it('sends a visit back to the manager after a rota change, with the words the re-check would have used', async () => {
    const slot = slots[3]!;
    const request = await filed('confirmed', slot, {
      timeBasis: 'own_time',
      releaseHours: 0,
      coverHours: 0,
      cover: 'not_needed',
      coverMethod: 'not_needed',
    });
    await onShift(slot);
    const movedAt = nextHour();
    await expect(recheckAfterRotaChange(failing(), [DEMO_IDS.alex], movedAt)).rejects.toThrow('store gone');
    const moved = await stored(request);
    expect(moved).toMatchObject({ state: 'awaiting_manager', timeBasis: 'work_time' });

    const step = `rota-${moved.updatedAt}`;
    await expectFiledOnce(request, movedAt, [
      id('approval_needed', request, DEMO_IDS.megan, step),
      id('request_update', request, DEMO_IDS.alex, step),
      id('request_update', request, DEMO_IDS.adele, step),
    ]);
    const [toMegan] = (await workflow.services.outbox.listForPerson(DEMO_IDS.megan)).filter(
      (n) => n.id === id('approval_needed', request, DEMO_IDS.megan, step),
    );
    expect(toMegan!.note).toMatch(
      /^Alex Wilber's rota has changed\. This visit was in their own time; it is now in work time \(.+\)\. Please decide on the release again\.$/,
    );
    expect(await isHeld(request)).toBe(true);
  });

  /** Alex rostered on a day shift around `slot`, so a visit then is in work time. */
  const onShift = (slot: Slot) => rostered(DEMO_IDS.alex, slot);

  /** Approved by Megan, cover handed to Miriam, the rota coordinator, everything filed. */
  async function coverHandedToMiriam(slot: Slot) {
    const request = await filed('awaiting_manager', slot);
    await onShift(slot);
    const megan = await personOf(workflow.services, DEMO_IDS.megan);
    const decision = { action: 'approve', coverMethod: 'rota_coordinator' } as const;
    await expect(
      decideOnRequest(workflow.services, megan, request.visitorId, request.id, decision, nextHour()),
    ).resolves.toMatchObject({ ok: true, request: { cover: 'pending', coverArrangerId: DEMO_IDS.miriam } });
    await workflow.services.afterAnswer.idle();
    return request;
  }

  it('tells the manager and the visitor that the rota coordinator arranged cover', async () => {
    const request = await coverHandedToMiriam(slots[6]!);
    const miriam = await personOf(workflow.services, DEMO_IDS.miriam);
    const movedAt = nextHour();
    await expect(
      decideOnCover(failing(), miriam, request.visitorId, request.id, 'cover_arranged', undefined, movedAt),
    ).rejects.toThrow('store gone');
    expect(await stored(request)).toMatchObject({ state: 'awaiting_host', cover: 'arranged' });

    await expectFiledOnce(request, movedAt, [
      id('request_update', request, DEMO_IDS.megan, 'cover-2'),
      id('request_update', request, DEMO_IDS.alex, 'cover-2'),
    ]);
  });

  it('writes nothing for moves that filed everything', async () => {
    const approved = await filed('awaiting_manager', slots[4]!);
    const cancelled = await filed('awaiting_host', slots[5]!);
    const covered = await coverHandedToMiriam(slots[7]!);
    const movedAt = nextHour();
    const miriam = await personOf(workflow.services, DEMO_IDS.miriam);
    await expect(
      decideOnCover(
        workflow.services,
        miriam,
        covered.visitorId,
        covered.id,
        'cover_arranged',
        undefined,
        movedAt,
      ),
    ).resolves.toMatchObject({ ok: true });
    const [megan, alex] = await Promise.all([
      personOf(workflow.services, DEMO_IDS.megan),
      personOf(workflow.services, DEMO_IDS.alex),
    ]);
    await expect(
      decideOnRequest(
        workflow.services,
        megan,
        alex.id,
        approved.id,
        { action: 'approve', coverMethod: 'within_team' },
        movedAt,
      ),
    ).resolves.toMatchObject({ ok: true });
    await expect(
      decideOnRequest(workflow.services, alex, alex.id, cancelled.id, { action: 'cancel' }, movedAt),
    ).resolves.toMatchObject({ ok: true });
    await workflow.services.afterAnswer.idle();

    const at = new Date(movedAt.getTime() + SEND_SETTLE_MS);
    const read: string[] = [];
    expect(await sweep(at, approved, undefined, read)).toEqual([]);
    expect(await sweep(at, cancelled)).toEqual([]);
    // A cover decision leaves the pointers as they were: none is written again.
    expect(await sweep(at, covered)).toEqual([]);
    // Each costs point reads of what its move files: both pointers and each message (and for a
    // cancellation its offer's places, one document that every request for the offer shares).
    const readFor = (request: ShadowingRequest) => read.filter((r) => r.includes(request.id)).sort();
    expect(readFor(approved)).toEqual(
      [
        `outbox/${id('host_decision_needed', approved, DEMO_IDS.adele, '2')}`,
        `outbox/${id('request_update', approved, DEMO_IDS.alex, '2')}`,
        `tasks/host:${approved.id}`,
        `tasks/manager:${approved.id}`,
      ].sort(),
    );
    expect(readFor(cancelled)).toEqual(
      [
        `outbox/${id('request_update', cancelled, DEMO_IDS.megan, '3')}`,
        `outbox/${id('request_update', cancelled, DEMO_IDS.adele, '3')}`,
        `tasks/host:${cancelled.id}`,
        `tasks/manager:${cancelled.id}`,
      ].sort(),
    );
  });
  // These two erase people's data, so they come last.
  it("tells nobody whose data was erased, and points nothing at them, but files the others' share", async () => {
    // The morning of the visit cancelled above, its place given back.
    const request = await filed('awaiting_host', slots[2]!);
    const movedAt = nextHour();
    await decideThenStop(request, DEMO_IDS.adele, { action: 'accept' });
    await erasePersonData(workflow.store, DEMO_IDS.megan);
    expect(await stored(request)).toMatchObject({ state: 'confirmed', managerId: 'erased' });

    const written = await sweep(new Date(movedAt.getTime() + SEND_SETTLE_MS), request);
    expect(written.sort()).toEqual(
      [`outbox/${id('visit_confirmed', request, DEMO_IDS.alex, '3')}`, `tasks/host:${request.id}`].sort(),
    );
    expect(await workflow.store.query('outbox', { partitionKey: 'erased' })).toEqual([]);
    expect(await workflow.store.query('tasks', { partitionKey: 'erased' })).toEqual([]);
  });

  it("gives back the place of a cancelled visit whose visitor's data was erased, and files nothing else", async () => {
    const request = await filed('confirmed', slots[5]!);
    const movedAt = nextHour();
    await decideThenStop(request, DEMO_IDS.alex, { action: 'cancel' });
    await erasePersonData(workflow.store, DEMO_IDS.alex);
    expect(await isHeld(request)).toBe(true);
    // Alex's visits still open from the cases above are withdrawn in the same run, each giving its
    // place back with a write of the offer's places (see erasedParties.test.ts).
    const stillOpen = (
      await workflow.store.query<ShadowingRequest & { [f: string]: unknown }>('requests', {
        where: [{ field: 'state', op: 'in', value: [...OPEN_STATES] }],
      })
    ).filter((r) => r.visitorId.startsWith('erased-'));

    const written = await sweep(new Date(movedAt.getTime() + SEND_SETTLE_MS), request);
    expect(written).toEqual(Array(stillOpen.length + 1).fill(`tasks/ledger:${request.offerId}`));
    expect(await isHeld(request)).toBe(false);
    const about = await workflow.store.query('outbox', {
      where: [{ field: 'requestId', op: '=', value: request.id }],
    });
    expect(about).toEqual([]);
  });
});
