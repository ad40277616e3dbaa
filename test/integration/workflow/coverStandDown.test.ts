import { erasePersonData } from '../../../src/app/dataRights/erasePersonData';
import { COVER_TO_MANAGER } from '../../../src/app/dataRights/erasedArranger';
import { ARRANGED_COVER_NOT_NEEDED, TAKEN_ON_COVER_NOT_NEEDED } from '../../../src/app/coverStandDown';
import { decideOnRequest, type Decision } from '../../../src/app/decideOnRequest';
import { describeRequest } from '../../../src/app/describeRequest';
import type { Notification } from '../../../src/app/notifications';
import { queueDueWork } from '../../../src/app/scheduledWork';
import { DEMO_IDS } from '../../../src/demo/demoIds';
import type { CoverChange, ShadowingRequest } from '../../../src/domain/requests';
import { renderNotification } from '../../../src/teams/renderNotification';
import { installFor } from '../../support/recordingDeliverer';
import { freeMornings } from '../../support/requestInState';
import { stoppedMoves, type Slot } from '../../support/stoppedMoves';
import { DEMO_TODAY, personOf, seedWorkflow, type Workflow } from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const DAY = 86_400_000;
const { alex, megan, adele, lynne, patti } = DEMO_IDS;

/**
 * A visit called off while its cover is being arranged, or once it is: whoever arranges it is told
 * to stand it down. After the rota coordinator arranging it was erased, whoever holds that duty now
 * (the manager, or with none left, the programme lead), in words that name nobody erased; nothing
 * is queued for the erased person.
 */
describe.each(STORE_SUBJECTS)('cover to stand down when the visit is called off, $name', (subject) => {
  let workflow: Workflow;
  let cleanup: () => Promise<void>;
  let slot: Slot;
  const { filed } = stoppedMoves(() => workflow);

  beforeEach(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    await installFor(workflow.services.people, [patti]);
    [slot] = (await freeMornings(workflow.services, 1, DEMO_TODAY)) as [Slot];
  });
  afterEach(async () => cleanup());

  const at = (days: number) => new Date(DEMO_TODAY.getTime() + days * DAY);
  const chosen: CoverChange = { to: 'pending', by: megan, at: DEMO_TODAY.toISOString() };

  /** Alex's visit in `state`, released in work time, its cover arranged (or being arranged) by `arranger`. */
  const coveredBy = (arranger: string, state: 'confirmed' | 'awaiting_host', cover: 'arranged' | 'pending') =>
    filed(state, slot, {
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
      cover,
      coverMethod: arranger === lynne ? 'rota_coordinator' : 'bank_or_locum',
      coverArrangerId: arranger,
      coverHistory:
        cover === 'arranged'
          ? [chosen, { from: 'pending', to: 'arranged', by: arranger, at: at(0.01).toISOString() }]
          : [chosen],
    });
  const coveredByLynne = (state: 'confirmed' | 'awaiting_host', cover: 'arranged' | 'pending') =>
    coveredBy(lynne, state, cover);

  async function decide(by: string, request: ShadowingRequest, decision: Decision, days: number) {
    workflow.setNow(at(days));
    const who = await personOf(workflow.services, by);
    const result = await decideOnRequest(workflow.services, who, alex, request.id, decision, at(days));
    if (!result.ok) throw new Error(result.refusal);
    return result.followUp;
  }
  const tick = async (days: number, request: ShadowingRequest) => {
    workflow.setNow(at(days));
    return (await queueDueWork(workflow.store, workflow.services, at(days))).filter(
      (n) => n.requestId === request.id,
    );
  };
  const aboutCover = (queued: Notification[]) =>
    queued.filter((n) => n.kind === 'cover_needed').map((n) => [n.personId, n.note]);
  /** The card a message becomes, as its recipient reads it. */
  const cardOf = async (message: Notification, request: ShadowingRequest) => {
    const found = await workflow.services.requests.find(alex, request.id);
    return JSON.stringify(
      renderNotification(message, await describeRequest(workflow.services, found!.request)),
    );
  };
  const queuedForErased = async () =>
    (await workflow.store.query<Notification & { [f: string]: unknown }>('outbox')).filter((n) =>
      n.personId.startsWith('erased'),
    );

  it('tells the manager who is arranging a bank shift herself, in her one message when the host declines or the visitor cancels', async () => {
    const declined = await coveredBy(megan, 'awaiting_host', 'pending');
    const queued = await decide(adele, declined, { action: 'decline_visit', reason: 'Ward closed' }, 0.2);
    expect(aboutCover(queued)).toEqual([]);
    const toMegan = queued.filter((n) => n.personId === megan);
    expect(toMegan.map((n) => n.kind)).toEqual(['request_update']);
    const card = await cardOf(toMegan[0]!, declined);
    expect(card).toContain('The cover you were arranging is no longer needed: stand down anyone you booked.');
    expect(card).not.toContain('Ward closed');

    // Her message about the cancelling tells her; a second card about the cover would repeat it.
    workflow.setNow(at(0.3));
    [slot] = (await freeMornings(workflow.services, 1, at(1))) as [Slot];
    const cancelled = await coveredBy(megan, 'confirmed', 'arranged');
    const told = await decide(alex, cancelled, { action: 'cancel' }, 0.4);
    expect(aboutCover(told)).toEqual([]);
    expect(told.map((n) => n.personId)).toContain(megan);
  });

  it('tells the manager to stand down the cover an erased rota coordinator arranged, when the visitor cancels', async () => {
    const request = await coveredByLynne('confirmed', 'arranged');
    await erasePersonData(workflow.store, lynne);
    expect(aboutCover(await tick(0.1, request))).toEqual([]);

    const queued = await decide(alex, request, { action: 'cancel' }, 0.2);
    expect(aboutCover(queued)).toEqual([[megan, ARRANGED_COVER_NOT_NEEDED]]);
    const card = await cardOf(
      queued.find((n) => n.kind === 'cover_needed')!,
      request,
    );
    expect(card).toContain("Cover no longer needed: Alex Wilber's visit is off");
    expect(card).toContain(
      'The person who arranged it is no longer on the shadowing service, so please check the rota and stand down whoever was booked to cover.',
    );
    expect(card).toContain('"title":"Cover","value":"Arranged by the rota coordinator."');
    expect(card).not.toContain('Lynne');
    expect(card).not.toContain('"verb"');
    // Told once: the scheduler's filing of the move queues nothing more.
    expect(aboutCover(await tick(0.3, request))).toEqual([]);
    expect(await queuedForErased()).toEqual([]);
  });

  it('tells the manager who took on the cover to stand it down when the host declines', async () => {
    const request = await coveredByLynne('awaiting_host', 'pending');
    await erasePersonData(workflow.store, lynne);
    expect(aboutCover(await tick(0.1, request))).toEqual([[megan, COVER_TO_MANAGER]]);

    const queued = await decide(adele, request, { action: 'decline_visit', reason: 'Ward closed' }, 0.2);
    expect(aboutCover(queued)).toEqual([[megan, TAKEN_ON_COVER_NOT_NEEDED]]);
    const card = await cardOf(
      queued.find((n) => n.kind === 'cover_needed')!,
      request,
    );
    expect(card).toContain('If anyone was booked to cover, please check the rota and stand them down.');
    expect(card).not.toContain('"verb"');
    // Her message about the decline says the visit is off, and leaves the cover to that card.
    const told = await cardOf(
      queued.find((n) => n.kind === 'request_update' && n.personId === megan)!,
      request,
    );
    expect(told).toContain('"text":"Adele Vance could not host this visit, so it is off."');
    expect(await queuedForErased()).toEqual([]);
  });

  it('tells the programme lead, with no manager left, once the scheduler files the host cancelling', async () => {
    const request = await coveredByLynne('confirmed', 'arranged');
    await erasePersonData(workflow.store, lynne);
    await erasePersonData(workflow.store, megan);

    const queued = await decide(adele, request, { action: 'cancel', reason: 'Ward closed' }, 0.2);
    expect(aboutCover(queued)).toEqual([]);
    // The move's filing, a minute on, lists the leads (a query the click leaves out) and tells them.
    const filed = await tick(0.21, request);
    expect(aboutCover(filed)).toEqual([[patti, ARRANGED_COVER_NOT_NEEDED]]);
    const card = await cardOf(
      filed.find((n) => n.kind === 'cover_needed')!,
      request,
    );
    expect(card).toContain("Cover no longer needed: Alex Wilber's visit is off");
    for (const erased of ['Lynne', 'Megan']) expect(card).not.toContain(erased);
    expect(aboutCover(await tick(0.3, request))).toEqual([]);
    expect(await queuedForErased()).toEqual([]);
  });
});
