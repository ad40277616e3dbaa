import { SEND_SETTLE_MS } from '../../../src/app/fileStoppedSends';
import { recheckAfterRotaChange } from '../../../src/app/recheckAfterRotaChange';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { toLondonDate } from '../../../src/domain/time/londonTime';
import { freeMornings } from '../../support/requestInState';
import { stoppedMoves, type Slot } from '../../support/stoppedMoves';
import { DEMO_TODAY, seedWorkflow, type Workflow } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/**
 * A rota re-check that wrote the request without moving it (a clash, a clash gone, a changed
 * release while it waits for the manager) and stopped before its messages: nobody can click again,
 * so once the request has rested a minute the scheduler sends what the re-check owed, in its words,
 * once.
 */
describe.each(STORE_SUBJECTS)(
  'the scheduler tells a rota re-check that stopped half way, $name',
  (subject) => {
    let workflow: Workflow;
    let cleanup: () => Promise<void>;
    let slots: Slot[];

    beforeAll(async () => {
      const opened = await subject.open();
      cleanup = opened.cleanup;
      workflow = await seedWorkflow(opened.store);
      slots = await freeMornings(workflow.services, 4, DEMO_TODAY);
    });
    afterAll(async () => cleanup());

    const { nextHour, filed, failing, stored, id, noteOf, sweep, expectFiledOnce, rostered } = stoppedMoves(
      () => workflow,
    );

    /**
     * A re-check of `personId`'s visits that stops after writing this request (the others are
     * re-checked in full); the request as written.
     */
    async function recheckThenStop(request: ShadowingRequest, personId: string, at: Date) {
      await expect(recheckAfterRotaChange(failing(request.id), [personId], at)).rejects.toThrow('store gone');
      return stored(request);
    }

    it('tells the manager, the visitor and the host that a confirmed visit no longer fits the rotas', async () => {
      const request = await filed('confirmed', slots[0]!);
      await rostered(DEMO_IDS.adele, slots[0]!, 'annual_leave', 'AL');
      const movedAt = nextHour();
      const moved = await recheckThenStop(request, DEMO_IDS.adele, movedAt);
      expect(moved.state).toBe('confirmed');
      expect(moved.rotaClash).toMatch(/^host_on_leave:host:/);

      const step = `rota-${moved.updatedAt}`;
      await expectFiledOnce(request, movedAt, [
        id('request_update', request, DEMO_IDS.megan, step),
        id('request_update', request, DEMO_IDS.alex, step),
        id('request_update', request, DEMO_IDS.adele, step),
      ]);
      expect(await noteOf(DEMO_IDS.alex, id('request_update', request, DEMO_IDS.alex, step))).toMatch(
        /^This visit no longer fits the rotas\. .+ To cancel it, type "my requests"; to ask for another time, type "new request"\.$/,
      );
      expect(await noteOf(DEMO_IDS.adele, id('request_update', request, DEMO_IDS.adele, step))).toMatch(
        /^This visit no longer fits the rotas\. .+ You can cancel it on your confirmation card; Alex Wilber can then ask for another time\.$/,
      );
    });

    it('tells nobody of a clash the rotas no longer show when the minute is up', async () => {
      const slot = slots[1]!;
      const request = await filed('confirmed', slot);
      await rostered(DEMO_IDS.adele, slot, 'annual_leave', 'AL');
      const movedAt = nextHour();
      expect((await recheckThenStop(request, DEMO_IDS.adele, movedAt)).rotaClash).toMatch(/^host_on_leave:/);
      // The leave is taken off again before the scheduler looks; the re-check of that change tells it.
      const month = toLondonDate(Date.parse(slot.start)).slice(0, 7);
      const rota = (await workflow.services.rota.readMonth(DEMO_IDS.adele, month))!.rota;
      await workflow.services.rota.writeMonth({
        ...rota,
        shifts: rota.shifts.filter((shift) => shift.kind !== 'annual_leave' || shift.end <= slot.start),
      });

      expect(await sweep(new Date(movedAt.getTime() + SEND_SETTLE_MS), request)).toEqual([]);
    });

    it('asks the manager again when the release changed while the request waited for them', async () => {
      const slot = slots[2]!;
      const request = await filed('awaiting_manager', slot, {
        timeBasis: 'own_time',
        releaseHours: 0,
        coverHours: 0,
      });
      await rostered(DEMO_IDS.alex, slot, 'duty', 'E');
      const movedAt = nextHour();
      const moved = await recheckThenStop(request, DEMO_IDS.alex, movedAt);
      expect(moved).toMatchObject({ state: 'awaiting_manager', timeBasis: 'work_time' });
      expect(moved.history).toEqual(request.history);

      const step = `rota-${moved.updatedAt}`;
      await expectFiledOnce(request, movedAt, [
        id('approval_needed', request, DEMO_IDS.megan, step),
        id('request_update', request, DEMO_IDS.alex, step),
      ]);
      expect(await noteOf(DEMO_IDS.megan, id('approval_needed', request, DEMO_IDS.megan, step))).toMatch(
        /^Alex Wilber's rota has changed\. This visit was in their own time; it is now in work time \(.+\)\. Please decide on the release again\.$/,
      );
    });

    it('tells the manager, the visitor and the host that a visit fits the rotas again', async () => {
      const request = await filed('confirmed', slots[3]!, { rotaClash: 'host_on_leave:host:0:1' });
      const movedAt = nextHour();
      const moved = await recheckThenStop(request, DEMO_IDS.alex, movedAt);
      expect(moved.rotaClash).toBeUndefined();

      const step = `rota-${moved.updatedAt}`;
      await expectFiledOnce(request, movedAt, [
        id('request_update', request, DEMO_IDS.megan, step),
        id('request_update', request, DEMO_IDS.alex, step),
        id('request_update', request, DEMO_IDS.adele, step),
      ]);
      expect(await noteOf(DEMO_IDS.alex, id('request_update', request, DEMO_IDS.alex, step))).toBe(
        'The rotas have changed again and this visit fits them once more, so it stands as it was.',
      );
    });
  },
);
