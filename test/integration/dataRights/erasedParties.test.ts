import { erasePersonData } from '../../../src/app/dataRights/erasePersonData';
import {
  COVER_TO_LEADS,
  COVER_TO_MANAGER,
  COVER_TO_NOBODY,
} from '../../../src/app/dataRights/erasedArranger';
import { HOST_ERASED, VISITOR_ERASED } from '../../../src/app/dataRights/erasedParties';
import { decideOnCover } from '../../../src/app/decideOnCover';
import { LEADS_ASKED, LEADS_DECIDE } from '../../../src/app/failedCoverDeciders';
import type { Notification } from '../../../src/app/notifications';
import { queueDueWork } from '../../../src/app/scheduledWork';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { installFor } from '../../support/recordingDeliverer';
import { freeMornings } from '../../support/requestInState';
import { stoppedMoves, type Slot } from '../../support/stoppedMoves';
import { traceStore } from '../../support/storeTrace';
import { DEMO_TODAY, seedWorkflow, type Workflow } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const DAY = 86_400_000;
const ASKED =
  "The visitor's line manager is no longer on the shadowing service, so the programme lead has been asked to decide.";

/**
 * After a person's data is erased, the scheduler settles the open requests they were part of: a
 * visit with an erased visitor or host is withdrawn (place given back, the others told once, nobody
 * chased again); a release waiting on an erased manager goes to the programme lead. Nothing is
 * queued for, or pointed at, the erased person.
 */
describe.each(STORE_SUBJECTS)('open requests of someone whose data was erased, $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let slots: Slot[];
  const { filed, isHeld } = stoppedMoves(() => workflow);

  beforeEach(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    await installFor(workflow.services.people, [DEMO_IDS.patti]);
    slots = await freeMornings(workflow.services, 3, DEMO_TODAY);
  });
  afterEach(async () => cleanup());

  /** Alex's three open requests to Adele: waiting for Megan, waiting for Adele, confirmed. */
  const threeOpen = async () => [
    await filed('awaiting_manager', slots[0]!),
    await filed('awaiting_host', slots[1]!),
    await filed('confirmed', slots[2]!),
  ];

  /** The request as stored now, wherever the erasure moved it. */
  const now = async (request: ShadowingRequest) => {
    const [found] = await workflow.store.query<ShadowingRequest & { [f: string]: unknown }>('requests', {
      where: [{ field: 'id', op: '=', value: request.id }],
    });
    return found!;
  };

  /** One scheduler run `days` after the demo's today; what it queued about these requests. */
  async function tick(days: number, requests: ShadowingRequest[]) {
    const at = new Date(DEMO_TODAY.getTime() + days * DAY);
    workflow.setNow(at);
    const queued = await queueDueWork(workflow.store, workflow.services, at);
    return queued.filter((n) => requests.some((r) => r.id === n.requestId));
  }

  const told = (queued: Notification[]) =>
    queued.map((n) => [n.personId, n.kind, n.requestId, n.note]).sort((a, b) => `${a}`.localeCompare(`${b}`));
  const erasedPartitions = async () =>
    (await workflow.store.query<Notification & { [f: string]: unknown }>('outbox')).filter((n) =>
      n.personId.startsWith('erased'),
    );

  it("withdraws an erased visitor's visits, gives the places back and tells the manager and the host once", async () => {
    const requests = await threeOpen();
    await erasePersonData(workflow.store, DEMO_IDS.alex);

    const queued = await tick(0.5, requests);
    const [waiting, released, confirmed] = requests as [ShadowingRequest, ShadowingRequest, ShadowingRequest];
    expect(told(queued)).toEqual(
      told(
        [
          { personId: DEMO_IDS.megan, requestId: waiting.id },
          { personId: DEMO_IDS.megan, requestId: released.id },
          { personId: DEMO_IDS.adele, requestId: released.id },
          { personId: DEMO_IDS.megan, requestId: confirmed.id },
          { personId: DEMO_IDS.adele, requestId: confirmed.id },
        ].map((n) => ({ ...n, kind: 'request_update', note: VISITOR_ERASED }) as Notification),
      ),
    );
    for (const request of requests) {
      const stored = await now(request);
      expect(stored).toMatchObject({ state: 'cancelled', visitorId: expect.stringMatching(/^erased-/) });
      expect(stored.history.at(-1)).toMatchObject({ from: request.state, to: 'cancelled', by: 'system' });
      expect(await isHeld(request)).toBe(false);
      expect(await workflow.services.tasks.find(DEMO_IDS.megan, 'manager', request.id)).toMatchObject({
        state: 'cancelled',
      });
    }
    expect(await erasedPartitions()).toEqual([]);

    // Nobody is reminded, chased or told again, however long it waits.
    for (const days of [1, 3, 6, 12, 20]) expect(await tick(days, requests)).toEqual([]);
  });

  it('cancels the visits of an erased host and tells the visitor and the manager', async () => {
    const requests = await threeOpen();
    await erasePersonData(workflow.store, DEMO_IDS.adele);

    const queued = await tick(0.5, requests);
    expect(told(queued)).toEqual(
      told(
        requests.flatMap((r) =>
          [DEMO_IDS.alex, DEMO_IDS.megan].map(
            (personId) =>
              ({ personId, kind: 'request_update', requestId: r.id, note: HOST_ERASED }) as Notification,
          ),
        ),
      ),
    );
    for (const request of requests) {
      expect(await now(request)).toMatchObject({ state: 'cancelled', hostId: 'erased' });
      expect(await workflow.services.tasks.find(DEMO_IDS.megan, 'manager', request.id)).toMatchObject({
        state: 'cancelled',
      });
    }
    expect(await workflow.services.requests.listOpenForVisitor(DEMO_IDS.alex)).toEqual([]);
    expect(await erasedPartitions()).toEqual([]);
    for (const days of [1, 3, 6, 12, 20]) expect(await tick(days, requests)).toEqual([]);
  });

  it('asks the programme lead to decide on a release an erased manager was to give', async () => {
    const requests = await threeOpen();
    await erasePersonData(workflow.store, DEMO_IDS.megan);
    const [waiting] = requests as [ShadowingRequest];

    const queued = await tick(0.5, requests);
    expect(told(queued)).toEqual(
      told([
        { personId: DEMO_IDS.patti, kind: 'approval_needed', requestId: waiting.id, note: ASKED },
        { personId: DEMO_IDS.alex, kind: 'request_update', requestId: waiting.id, note: ASKED },
      ] as Notification[]),
    );
    // The visits already released go on as they were, and nothing is queued for the erased manager.
    expect((await Promise.all(requests.map(now))).map((r) => r.state)).toEqual([
      'awaiting_manager',
      'awaiting_host',
      'confirmed',
    ]);
    expect(await tick(0.6, requests)).toEqual([]);
    expect(await erasedPartitions()).toEqual([]);
    // The lead is chased as a manager would be; the erased manager is not.
    const later = await tick(3, requests);
    expect(later.map((n) => n.personId)).not.toContain('erased');
    expect(await erasedPartitions()).toEqual([]);
  });

  it("routes an erased manager's release to the leads once, not on every scheduler run after", async () => {
    const requests = await threeOpen();
    await erasePersonData(workflow.store, DEMO_IDS.megan);
    const [waiting] = requests as [ShadowingRequest];
    expect((await tick(0.5, requests)).map((n) => n.personId).sort()).toEqual(
      [DEMO_IDS.alex, DEMO_IDS.patti].sort(),
    );

    // Five more runs while it waits for the lead: none lists the leads again or writes to it.
    const trace = traceStore(workflow.store);
    try {
      for (const days of [0.6, 0.7, 0.8, 0.9, 1]) expect(await tick(days, requests)).toEqual([]);
      const leadListings = trace.calls.filter((c) => c.container === 'people' && c.operation === 'query');
      expect(leadListings).toEqual([]);
    } finally {
      trace.restore();
    }
    // The request no longer names a manager: the leads decide, as for a visitor who has none.
    const stored = await now(waiting);
    expect(stored).toMatchObject({ state: 'awaiting_manager' });
    expect(stored.managerId).toBeUndefined();
  });

  it('tells the visitor plainly when no programme lead can be reached to decide instead', async () => {
    const patti = (await workflow.services.people.findById(DEMO_IDS.patti))!;
    const { conversation: _installed, ...uninstalled } = patti;
    await workflow.services.people.upsert(uninstalled);
    const requests = await threeOpen();
    await erasePersonData(workflow.store, DEMO_IDS.megan);
    const [waiting] = requests as [ShadowingRequest];

    expect(told(await tick(0.5, requests))).toEqual(
      told([
        {
          personId: DEMO_IDS.alex,
          kind: 'request_update',
          requestId: waiting.id,
          note:
            "The visitor's line manager is no longer on the shadowing service, and no programme lead can be " +
            'reached in Teams yet, so nobody has been asked to decide. The request is kept: please ask your ' +
            'education or workforce team to help.',
        },
      ] as Notification[]),
    );
    // After 5 working days the escalation says the same plainly, and still asks nobody who cannot read it.
    const escalated = await tick(7, requests);
    expect(escalated.filter((n) => n.requestId === waiting.id).map((n) => [n.personId, n.note])).toEqual([
      [
        DEMO_IDS.alex,
        'Your request has waited more than 5 working days. No programme lead can be reached in Teams yet, so please ask your education or workforce team to help.',
      ],
    ]);
  });

  /** Alex's visit waiting for Adele, released in work time, its cover still to be arranged by `arrangerId`. */
  const coverPendingWith = (arrangerId: string, extra: Partial<ShadowingRequest> = {}) =>
    filed('awaiting_host', slots[0]!, {
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
      cover: 'pending',
      coverMethod: arrangerId === DEMO_IDS.lynne ? 'rota_coordinator' : 'bank_or_locum',
      coverArrangerId: arrangerId,
      coverHistory: [{ to: 'pending', by: DEMO_IDS.megan, at: DEMO_TODAY.toISOString() }],
      ...extra,
    });

  it('hands cover an erased rota coordinator was arranging to the manager, once', async () => {
    const request = await coverPendingWith(DEMO_IDS.lynne);
    await erasePersonData(workflow.store, DEMO_IDS.lynne);

    expect(told(await tick(0.5, [request]))).toEqual(
      told([
        { personId: DEMO_IDS.megan, kind: 'cover_needed', requestId: request.id, note: COVER_TO_MANAGER },
      ] as Notification[]),
    );
    expect(await now(request)).toMatchObject({ cover: 'pending', coverArrangerId: DEMO_IDS.megan });
    // Handed on once; Megan is reminded 2 working days after she was asked, not at once.
    const aboutCover = async (days: number) =>
      (await tick(days, [request])).filter((n) => n.kind === 'cover_needed').map((n) => n.personId);
    expect(await aboutCover(0.6)).toEqual([]);
    expect(await aboutCover(1.5)).toEqual([]);
    expect(await aboutCover(4)).toEqual([DEMO_IDS.megan]);
    expect(await erasedPartitions()).toEqual([]);
  });

  it('asks the programme lead to arrange cover an erased manager was arranging', async () => {
    const request = await coverPendingWith(DEMO_IDS.megan);
    await erasePersonData(workflow.store, DEMO_IDS.megan);

    expect(told(await tick(0.5, [request]))).toEqual(
      told([
        { personId: DEMO_IDS.patti, kind: 'cover_needed', requestId: request.id, note: COVER_TO_LEADS },
      ] as Notification[]),
    );
    const stored = await now(request);
    expect(stored.coverArrangerId).toBeUndefined();
    expect(stored).toMatchObject({ cover: 'pending', managerId: 'erased' });
    expect(await tick(0.6, [request])).toEqual([]);
    expect(await erasedPartitions()).toEqual([]);
  });

  it('tells the visitor whom to ask when the lead arranging cover is erased and no other lead can be asked', async () => {
    const { managerId: _none, ...withoutManager } = await coverPendingWith(DEMO_IDS.patti);
    await workflow.store.upsert('requests', withoutManager as ShadowingRequest & { [f: string]: unknown });
    await erasePersonData(workflow.store, DEMO_IDS.patti);

    expect(told(await tick(0.5, [withoutManager]))).toEqual(
      told([
        {
          personId: DEMO_IDS.alex,
          kind: 'request_update',
          requestId: withoutManager.id,
          note: COVER_TO_NOBODY,
        },
      ] as Notification[]),
    );
    expect((await now(withoutManager)).coverArrangerId).toBeUndefined();
    expect(await tick(0.6, [withoutManager])).toEqual([]);
    expect(await erasedPartitions()).toEqual([]);
  });

  it('asks the programme lead to decide after cover failed, when the manager who was to decide is erased', async () => {
    const failedAt = new Date(DEMO_TODAY.getTime() + 60_000).toISOString();
    const request = await coverPendingWith(DEMO_IDS.lynne, {
      cover: 'failed',
      coverFailedReason: 'Nobody on the bank that day',
      coverHistory: [
        { to: 'pending', by: DEMO_IDS.megan, at: DEMO_TODAY.toISOString() },
        { from: 'pending', to: 'failed', by: DEMO_IDS.lynne, at: failedAt },
      ],
    });
    await erasePersonData(workflow.store, DEMO_IDS.megan);

    expect(told(await tick(0.5, [request]))).toEqual(
      told([
        { personId: DEMO_IDS.patti, kind: 'cover_failed', requestId: request.id, note: LEADS_ASKED },
        { personId: DEMO_IDS.alex, kind: 'request_update', requestId: request.id, note: LEADS_DECIDE },
      ] as Notification[]),
    );
    expect((await now(request)).managerId).toBeUndefined();
    expect(await tick(0.6, [request])).toEqual([]);
    expect(await erasedPartitions()).toEqual([]);
  });

  it('asks the programme lead, and tells the visitor so, when cover fails on a request with no manager', async () => {
    const { managerId: _none, ...withoutManager } = await coverPendingWith(DEMO_IDS.lynne);
    await workflow.store.upsert('requests', withoutManager as ShadowingRequest & { [f: string]: unknown });
    const lynne = (await workflow.services.people.findById(DEMO_IDS.lynne))!;
    const decided = await decideOnCover(
      workflow.services,
      lynne,
      DEMO_IDS.alex,
      withoutManager.id,
      'cover_failed',
      'Nobody on the bank that day',
      workflow.services.clock(),
    );
    expect(decided.ok && told(decided.queued)).toEqual(
      told([
        { personId: DEMO_IDS.patti, kind: 'cover_failed', requestId: withoutManager.id, note: LEADS_ASKED },
        { personId: DEMO_IDS.alex, kind: 'request_update', requestId: withoutManager.id, note: LEADS_DECIDE },
      ] as Notification[]),
    );
  });
});
