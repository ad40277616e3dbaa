import { decideOnCover } from '../../../src/app/decideOnCover';
import { newNotification } from '../../../src/app/notifyParties';
import { routeAroundUnreachable } from '../../../src/app/routeAroundUnreachable';
import { createServices } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { ShadowingRequest } from '../../../src/domain/requests';
import type { ContainerName } from '../../../src/store/containers';
import { StoreUnavailableError, type Doc, type DocumentStore } from '../../../src/store/documentStore';
import { requestInState } from '../../support/requestInState';
import { morningOf, personOf, seedWorkflow, VISIT_DAY, type Workflow } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

/**
 * Cover decisions on both stores: the coordinator and the manager clicking at once make exactly
 * one change; the department's people are found by one query.
 */
describe.each(STORE_SUBJECTS)('cover decisions: $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
  });
  afterAll(async () => cleanup());

  async function coverPending(): Promise<ShadowingRequest> {
    const request: ShadowingRequest = {
      ...requestInState(
        'awaiting_host',
        morningOf(VISIT_DAY),
        morningOf(VISIT_DAY),
        workflow.services.clock(),
      ),
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
      cover: 'pending',
      coverMethod: 'rota_coordinator',
      coverArrangerId: DEMO_IDS.lynne,
    };
    await workflow.services.requests.create(request);
    return request;
  }

  it('lets exactly one of 12 arranged and cannot-cover clicks through', async () => {
    const request = await coverPending();
    const [lynne, megan] = await Promise.all([
      personOf(workflow.services, DEMO_IDS.lynne),
      personOf(workflow.services, DEMO_IDS.megan),
    ]);
    const now = workflow.services.clock();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? decideOnCover(
              workflow.services,
              lynne,
              request.visitorId,
              request.id,
              'cover_arranged',
              undefined,
              now,
            )
          : decideOnCover(
              workflow.services,
              megan,
              request.visitorId,
              request.id,
              'cover_failed',
              'Short-staffed',
              now,
            ),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const after = (await workflow.services.requests.find(request.visitorId, request.id))?.request;
    expect(after?.coverHistory).toHaveLength(1);
    expect(after?.cover).toBe(winners[0]?.ok ? winners[0].request.cover : 'none');
    for (const lost of results.filter((r) => !r.ok))
      expect(lost).toMatchObject({
        ok: false,
        refusal: expect.stringMatching(/changed nothing|Nothing has been changed/),
      });
  });

  it('passes cover to the manager when the rota coordinator cannot be reached, once', async () => {
    const request = await coverPending();
    const now = workflow.services.clock();
    const toLynne = newNotification('cover_needed', request, DEMO_IDS.lynne, 'cover-1', now);
    const queued = await routeAroundUnreachable(workflow.services, toLynne, now);
    expect(queued).toEqual([
      expect.objectContaining({
        kind: 'cover_needed',
        personId: DEMO_IDS.megan,
        note: 'Lynne Robbins cannot be reached in Teams, so please arrange cover yourself, then press Cover arranged here.',
      }),
    ]);
    expect((await workflow.services.requests.find(request.visitorId, request.id))?.request).toMatchObject({
      cover: 'pending',
      coverArrangerId: DEMO_IDS.megan,
    });
    expect(await routeAroundUnreachable(workflow.services, toLynne, now)).toEqual([]);
    const megan = await personOf(workflow.services, DEMO_IDS.megan);
    expect(
      await decideOnCover(
        workflow.services,
        megan,
        request.visitorId,
        request.id,
        'cover_arranged',
        undefined,
        now,
      ),
    ).toMatchObject({ ok: true, request: { cover: 'arranged' } });
  });

  it("queues the manager's cover card when routing again after the store failed queueing it", async () => {
    const request = await coverPending();
    const now = workflow.services.clock();
    const toLynne = newNotification('cover_needed', request, DEMO_IDS.lynne, 'cover-1', now);
    const failsTheCard: DocumentStore = Object.create(workflow.store, {
      create: {
        value: (container: ContainerName, doc: Doc) =>
          container === 'outbox'
            ? Promise.reject(new StoreUnavailableError('the store did not answer in time'))
            : workflow.store.create(container, doc),
      },
    });
    await expect(
      routeAroundUnreachable(createServices(failsTheCard, workflow.services.clock), toLynne, now),
    ).rejects.toThrow(StoreUnavailableError);
    expect((await workflow.services.requests.find(request.visitorId, request.id))?.request).toMatchObject({
      coverArrangerId: DEMO_IDS.megan,
    });

    // The scheduler routes the message again (see routeOwedRouting): the card is queued now, once.
    const again = await routeAroundUnreachable(workflow.services, toLynne, now);
    expect(again.map((n) => [n.kind, n.personId])).toEqual([['cover_needed', DEMO_IDS.megan]]);
    expect(await routeAroundUnreachable(workflow.services, toLynne, now)).toEqual([]);
  });

  it('finds everyone in a department, and no one else', async () => {
    const people = await workflow.services.people.listByDepartment('Acute Medicine');
    expect(people.map((p) => p.id)).toContain(DEMO_IDS.alex);
    expect(new Set(people.map((p) => p.department))).toEqual(new Set(['Acute Medicine']));
  });
});
