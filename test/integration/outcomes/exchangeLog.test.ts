import { logExchange } from '../../../src/app/outcomes/logExchange';
import type { OutcomeServices } from '../../../src/app/outcomes/outcomeServices';
import { queueCheckIns } from '../../../src/app/outcomes/queueCheckIns';
import { recordCheckIn } from '../../../src/app/outcomes/recordCheckIn';
import { submitOutcomeForm } from '../../../src/app/outcomes/submitOutcomeForm';
import { periodOf } from '../../../src/domain/outcomes/exchangeRecord';
import type { Person } from '../../../src/domain/people';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { confirmedVisit, HOST_FORM, outcomeServicesOf, VISITOR_FORM } from '../../support/outcomeFixtures';
import {
  morningOf,
  personOf,
  seedWorkflow,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { STORE_SUBJECTS } from '../../support/workflowStores';

const DAY_MS = 86_400_000;

/** The exchange log and the after-visit schedule, on the embedded store and the Cosmos-protocol server. */
describe.each(STORE_SUBJECTS)('the exchange log: $name', (subject) => {
  let workflow: Workflow;
  let services: OutcomeServices;
  let cleanup: () => Promise<void>;
  let visitors: Person[];
  let adele: Person;
  const days = ['2025-03-18', '2025-03-20', '2025-03-25'];

  beforeAll(async () => {
    const opened = await subject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    services = outcomeServicesOf(workflow);
    visitors = await visitorPerSlot(services, workflow.offer, days.map(morningOf));
    adele = await personOf(services, DEMO_IDS.adele);
  });
  afterAll(async () => cleanup());

  it('writes one record per visit, however often it is logged or retried, even at once', async () => {
    const visitor = visitors[0] as Person;
    const request = await confirmedVisit(workflow, visitor, days[0] as string);
    const now = new Date('2025-03-18T14:00:00Z');
    await submitOutcomeForm(services, 'visitor', visitor, visitor.id, request.id, VISITOR_FORM, now);
    const done = await submitOutcomeForm(services, 'host', adele, visitor.id, request.id, HOST_FORM, now);
    if (!done.ok) throw new Error(done.refusal);
    expect(await logExchange(services, done.request, now)).toBe('unchanged');
    // From scratch, four writers at once: one creates, the others find it there.
    await workflow.store.delete('exchanges', request.id, periodOf(request.start as string));
    const writes = await Promise.all([1, 2, 3, 4].map(() => logExchange(services, done.request, now)));
    expect(writes.sort()).toEqual(['created', 'unchanged', 'unchanged', 'unchanged']);
    const month = await services.exchanges.listPeriod(periodOf(request.start as string));
    expect(month.filter((r) => r.requestId === request.id)).toHaveLength(1);

    const text = JSON.stringify(month[0]);
    const people = await services.people.listAll();
    for (const person of people) {
      expect(text).not.toContain(person.email);
      expect(text).not.toContain(person.name);
    }
    expect(month[0]).toMatchObject({
      visitor: { profession: visitor.profession, department: visitor.department },
      host: { profession: 'nursing', department: 'Discharge and Patient Flow' },
      setting: workflow.offer.setting,
      knowledge: ['technical_know_how', 'practical_wisdom'],
      remindersNeeded: 0,
      daysToConfirm: 0,
      followOn: 'reciprocal',
      wouldRecommend: true,
    });
    expect(Object.keys(month[0] ?? {})).not.toEqual(
      expect.arrayContaining(['purpose', 'what', 'reflection']),
    );
  });

  it('sends each check-in once, logs what is there after two weeks, and asks the follow-up at three months', async () => {
    const visitor = visitors[1] as Person;
    const request = await confirmedVisit(workflow, visitor, days[1] as string);
    const ended = new Date(request.end as string).getTime();
    const tick = async (at: number) => queueCheckIns(workflow.store, services, new Date(at));

    expect(await tick(ended - 60_000)).toEqual([]);
    const checkIns = [...(await tick(ended + 60_000)), ...(await tick(ended + 120_000))];
    expect(checkIns.map((n) => [n.kind, n.personId]).sort()).toEqual(
      [
        ['visit_check_in', adele.id],
        ['visit_check_in', visitor.id],
      ].sort(),
    );

    await recordCheckIn(services, visitor, visitor.id, request.id, 'yes', new Date(ended + DAY_MS));
    await submitOutcomeForm(
      services,
      'visitor',
      visitor,
      visitor.id,
      request.id,
      VISITOR_FORM,
      new Date(ended + DAY_MS),
    );
    const period = periodOf(request.start as string);
    expect(await services.exchanges.find(period, request.id)).toBeUndefined();
    await tick(ended + 15 * DAY_MS);
    await tick(ended + 15 * DAY_MS);
    expect((await services.exchanges.find(period, request.id))?.record).toMatchObject({
      visitorFeedback: true,
      hostFeedback: false,
    });

    // The host's late form brings the record up to date rather than adding another.
    await submitOutcomeForm(
      services,
      'host',
      adele,
      visitor.id,
      request.id,
      HOST_FORM,
      new Date(ended + 16 * DAY_MS),
    );
    expect((await services.exchanges.find(period, request.id))?.record).toMatchObject({
      hostFeedback: true,
      wouldHostAgain: true,
    });
    expect(
      (await services.exchanges.listPeriod(period)).filter((r) => r.requestId === request.id),
    ).toHaveLength(1);

    const followUps = [...(await tick(ended + 91 * DAY_MS)), ...(await tick(ended + 92 * DAY_MS))];
    expect(followUps.filter((n) => n.requestId === request.id).map((n) => [n.kind, n.personId])).toEqual([
      ['outcome_follow_up', visitor.id],
    ]);
  });
});
