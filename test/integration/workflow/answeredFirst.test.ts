import { decideOnRequest, type Decision } from '../../../src/app/decideOnRequest';
import { createServices } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { createLogger } from '../../../src/logging/logger';
import { failFollowUpWrites, holdFollowUpWrites } from '../../support/heldWrites';
import { captureLogs } from '../../support/logCapture';
import { freeMornings } from '../../support/requestInState';
import { stoppedMoves, type Slot } from '../../support/stoppedMoves';
import { DEMO_TODAY, personOf, seedWorkflow, type Workflow } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/**
 * A decision is answered once its request (the record) is written: its pointers and messages are
 * filed after the answer, in the same process, and by the scheduler's scan if the store fails or
 * the process stops in between.
 */
describe.each(STORE_SUBJECTS)('a decision answered before what follows it, $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let slots: Slot[];

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    slots = await freeMornings(workflow.services, 6, DEMO_TODAY);
  });
  afterAll(async () => cleanup());

  const { nextHour, filed, stored, messageIds, pointers, expectFiledOnce, rostered } = stoppedMoves(
    () => workflow,
  );

  it("answers a host's acceptance while its pointers and messages are held, and files them once let go", async () => {
    const request = await filed('awaiting_host', slots[0]!);
    const messagesBefore = await messageIds(request);
    const pointersBefore = await pointers(request);
    nextHour();
    const held = holdFollowUpWrites(workflow.store, request.id);
    const services = createServices(held.store, workflow.services.clock, undefined, undefined, {
      logger: createLogger('silent'),
    });
    const adele = await personOf(workflow.services, DEMO_IDS.adele);

    const decided = await decideOnRequest(
      services,
      adele,
      request.visitorId,
      request.id,
      { action: 'accept' },
      services.clock(),
    );

    expect(decided).toMatchObject({ ok: true, request: { state: 'confirmed' } });
    await held.firstAsked;
    expect((await stored(request)).state).toBe('confirmed');
    expect(await messageIds(request)).toEqual(messagesBefore);
    expect(await pointers(request)).toEqual(pointersBefore);

    held.release();
    const queued = decided.ok ? await decided.followUp : [];
    await services.afterAnswer.idle();
    const owed = [
      `visit_confirmed:${request.id}:${DEMO_IDS.alex}:3`,
      `request_update:${request.id}:${DEMO_IDS.megan}:3`,
    ].sort();
    expect(queued.map((n) => n.id).sort()).toEqual(owed);
    expect(await messageIds(request)).toEqual([...messagesBefore, ...owed].sort());
    expect((await pointers(request)).map((task) => task?.state)).toEqual(['confirmed', 'confirmed']);
  });

  it("does not answer a visitor's cancelling while a new time waits until what follows it is written: the scheduler would read it as turning the time down", async () => {
    const request = await filed('host_proposed_time', slots[5]!);
    nextHour();
    const services = createServices(
      failFollowUpWrites(workflow.store, request.id),
      workflow.services.clock,
      undefined,
      undefined,
      { logger: createLogger('silent') },
    );
    const alex = await personOf(workflow.services, DEMO_IDS.alex);

    await expect(
      decideOnRequest(services, alex, request.visitorId, request.id, { action: 'cancel' }, services.clock()),
    ).rejects.toThrow('store gone');
    expect((await stored(request)).state).toBe('cancelled');
    await services.afterAnswer.idle();
  });

  /** A decision made with everything filed, to compare with the same decision filed by the scan. */
  async function filedAsDecided(
    state: ShadowingRequest['state'],
    slot: Slot,
    by: string,
    decision: Decision,
  ) {
    const request = await filed(state, slot);
    const before = await messageIds(request);
    nextHour();
    const who = await personOf(workflow.services, by);
    const decided = await decideOnRequest(
      workflow.services,
      who,
      request.visitorId,
      request.id,
      decision,
      workflow.services.clock(),
    );
    if (!decided.ok) throw new Error(decided.refusal);
    await decided.followUp;
    const added = (await messageIds(request)).filter((id) => !before.includes(id));
    return {
      messages: added.map((id) => id.replace(request.id, 'REQUEST')),
      pointers: (await pointers(request)).map((task) => [task?.assigneeId, task?.state, task?.start]),
    };
  }

  it.each([
    [
      'an approval handing cover to the rota coordinator',
      'awaiting_manager',
      DEMO_IDS.megan,
      { action: 'approve', coverMethod: 'rota_coordinator' },
      [1, 2],
      ['cover_needed', 'host_decision_needed', 'request_update'],
    ],
    [
      "a host's acceptance",
      'awaiting_host',
      DEMO_IDS.adele,
      { action: 'accept' },
      [3, 4],
      ['request_update', 'visit_confirmed'],
    ],
  ] as const)(
    'when what follows %s fails, the person has their answer, the failure is logged, and the scheduler files the same messages and pointers once',
    async (_name, state, by, decision, [controlSlot, slot], kinds) => {
      // Alex on shift then: the visit is in work time, so an approval hands cover on.
      if (decision.action === 'approve')
        for (const at of [controlSlot, slot]) await rostered(DEMO_IDS.alex, slots[at]!);
      const control = await filedAsDecided(state, slots[controlSlot]!, by, decision);
      expect([...new Set(control.messages.map((id) => id.split(':')[0]))].sort()).toEqual(kinds);

      const request = await filed(state, slots[slot]!);
      const before = await messageIds(request);
      const movedAt = nextHour();
      const { logger, lines } = captureLogs();
      const services = createServices(
        failFollowUpWrites(workflow.store, request.id),
        workflow.services.clock,
        undefined,
        undefined,
        { logger },
      );
      const who = await personOf(workflow.services, by);
      const decided = await decideOnRequest(services, who, request.visitorId, request.id, decision, movedAt);

      expect(decided.ok).toBe(true);
      if (!decided.ok) return;
      expect(decided.request.state).toBe((await stored(request)).state);
      await expect(decided.followUp).rejects.toThrow('store gone');
      await services.afterAnswer.idle();
      expect(lines.filter((line) => line.level === 50).map((line) => line.requestId)).toEqual([request.id]);
      expect(await messageIds(request)).toEqual(before);

      const owed = control.messages.map((id) => id.replace('REQUEST', request.id));
      await expectFiledOnce(request, movedAt, owed);
      expect((await pointers(request)).map((task) => [task?.assigneeId, task?.state, task?.start])).toEqual(
        control.pointers.map(([assignee, pointerState]) => [assignee, pointerState, request.start]),
      );
    },
  );
});
