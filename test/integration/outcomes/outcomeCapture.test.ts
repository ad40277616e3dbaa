import { recordCheckIn } from '../../../src/app/outcomes/recordCheckIn';
import type { OutcomeServices } from '../../../src/app/outcomes/outcomeServices';
import { submitFollowUp } from '../../../src/app/outcomes/submitFollowUp';
import { submitOutcomeForm } from '../../../src/app/outcomes/submitOutcomeForm';
import { periodOf } from '../../../src/domain/outcomes/exchangeRecord';
import type { RequestWithOutcomes } from '../../../src/domain/outcomes/outcomeTypes';
import type { Person } from '../../../src/domain/people';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { confirmedVisit, HOST_FORM, outcomeServicesOf, VISITOR_FORM } from '../../support/outcomeFixtures';
import {
  personOf,
  seedWorkflow,
  visitorPerSlot,
  morningOf,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';

const DAYS = ['2025-03-18', '2025-03-20', '2025-03-25', '2025-03-27', '2025-04-01', '2025-04-03'];
const AFTER_VISIT = (day: string) => new Date(`${day}T14:00:00Z`);

/** Outcome capture on the embedded store: each refusal, and nothing recorded wrongly. */
describe('after the visit: check-in and feedback', () => {
  let workflow: Workflow;
  let services: OutcomeServices;
  let cleanup: () => Promise<void>;
  let visitors: Person[];
  let adele: Person;
  let lynne: Person;

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    services = outcomeServicesOf(workflow);
    visitors = await visitorPerSlot(workflow.services, workflow.offer, DAYS.map(morningOf));
    adele = await personOf(services, DEMO_IDS.adele);
    lynne = await personOf(services, DEMO_IDS.lynne);
  });
  afterAll(async () => cleanup());

  const visitFor = async (
    index: number,
  ): Promise<{ visitor: Person; request: RequestWithOutcomes; day: string }> => {
    const day = DAYS[index] as string;
    const visitor = visitors[index] as Person;
    workflow.setNow(new Date('2025-03-03T09:00:00Z'));
    return { visitor, request: await confirmedVisit(workflow, visitor, day), day };
  };
  const stored = async (request: RequestWithOutcomes) =>
    (await services.requests.find(request.visitorId, request.id))?.request as RequestWithOutcomes;
  const logged = (request: RequestWithOutcomes) =>
    services.exchanges.find(periodOf(request.start as string), request.id);

  it('records the visit, both forms, and logs one exchange once both are in', async () => {
    const { visitor, request, day } = await visitFor(0);
    const now = AFTER_VISIT(day);
    const checkedIn = await recordCheckIn(services, visitor, visitor.id, request.id, 'yes', now);
    expect(checkedIn).toMatchObject({
      ok: true,
      request: { state: 'completed', outcomes: { checkIn: { answer: 'yes', by: visitor.id } } },
    });
    expect((await recordCheckIn(services, adele, visitor.id, request.id, 'yes', now)).ok).toBe(true);

    expect(
      (await submitOutcomeForm(services, 'visitor', visitor, visitor.id, request.id, VISITOR_FORM, now)).ok,
    ).toBe(true);
    expect(await logged(request)).toBeUndefined();
    expect(
      (await submitOutcomeForm(services, 'host', adele, visitor.id, request.id, HOST_FORM, now)).ok,
    ).toBe(true);

    const record = (await logged(request))?.record;
    expect(record).toMatchObject({
      id: request.id,
      outcome: 'completed',
      hours: 4,
      wouldHostAgain: true,
      visitorFeedback: true,
      hostFeedback: true,
    });
    expect(record?.objectives.map((o) => o.rating)).toEqual(['met', 'partly']);
    const after = await stored(request);
    expect(after.outcomes?.visitor?.reflection?.nowWhat).toBe('I will start the forms earlier.');
  });

  it('refuses feedback from the wrong person, twice, or before the visit, recording nothing', async () => {
    const { visitor, request, day } = await visitFor(1);
    const before = AFTER_VISIT(day);
    before.setUTCDate(before.getUTCDate() - 1);
    const early = await submitOutcomeForm(
      services,
      'visitor',
      visitor,
      visitor.id,
      request.id,
      VISITOR_FORM,
      before,
    );
    expect(early).toMatchObject({ ok: false, reason: 'too_early' });
    expect(await recordCheckIn(services, visitor, visitor.id, request.id, 'yes', before)).toMatchObject({
      ok: false,
      reason: 'too_early',
    });
    expect((await stored(request)).state).toBe('confirmed');

    const now = AFTER_VISIT(day);
    expect(
      await submitOutcomeForm(services, 'visitor', adele, visitor.id, request.id, VISITOR_FORM, now),
    ).toMatchObject({ ok: false, reason: 'not_party' });
    expect(
      await submitOutcomeForm(services, 'host', lynne, visitor.id, request.id, HOST_FORM, now),
    ).toMatchObject({ ok: false, reason: 'not_party' });
    expect(await recordCheckIn(services, lynne, visitor.id, request.id, 'yes', now)).toMatchObject({
      ok: false,
      reason: 'not_party',
    });
    expect((await stored(request)).outcomes).toBeUndefined();

    // Feedback on a confirmed visit that has happened records that it happened.
    expect(
      (await submitOutcomeForm(services, 'visitor', visitor, visitor.id, request.id, VISITOR_FORM, now)).ok,
    ).toBe(true);
    const again = await submitOutcomeForm(
      services,
      'visitor',
      visitor,
      visitor.id,
      request.id,
      { ...VISITOR_FORM, hours: '6' },
      now,
    );
    expect(again).toMatchObject({ ok: false, reason: 'already_recorded' });
    const after = await stored(request);
    expect(after).toMatchObject({
      state: 'completed',
      outcomes: { checkIn: { answer: 'yes' }, visitor: { hours: 4 } },
    });
  });

  it('refuses an NHS number in a reflection, and an incomplete form, with plain reasons', async () => {
    const { visitor, request, day } = await visitFor(2);
    const now = AFTER_VISIT(day);
    const nhs = await submitOutcomeForm(
      services,
      'visitor',
      visitor,
      visitor.id,
      request.id,
      { ...VISITOR_FORM, soWhat: 'Patient 943 476 5919 waited three days.' },
      now,
    );
    expect(nhs).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!nhs.ok && nhs.refusal).toContain('an NHS number');
    const partial = await submitOutcomeForm(
      services,
      'visitor',
      visitor,
      visitor.id,
      request.id,
      { ...VISITOR_FORM, objective_1: undefined, hours: '30' },
      now,
    );
    expect(!partial.ok && partial.refusal).toMatch(/Objective 2[\s\S]*Hours/);
    expect((await stored(request)).outcomes).toBeUndefined();
    expect((await stored(request)).state).toBe('confirmed');
  });

  it('logs a no-show at once, refuses feedback for it, and lets only the host record one', async () => {
    const { visitor, request, day } = await visitFor(3);
    const now = AFTER_VISIT(day);
    expect(await recordCheckIn(services, visitor, visitor.id, request.id, 'no_show', now)).toMatchObject({
      ok: false,
      reason: 'not_party',
    });
    expect(await recordCheckIn(services, adele, visitor.id, request.id, 'no_show', now)).toMatchObject({
      ok: true,
      request: { state: 'no_show' },
    });
    expect((await logged(request))?.record).toMatchObject({
      outcome: 'no_show',
      visitorFeedback: false,
      knowledge: [],
    });
    expect(await recordCheckIn(services, visitor, visitor.id, request.id, 'yes', now)).toMatchObject({
      ok: false,
      reason: 'already_recorded',
    });
    expect(
      await submitOutcomeForm(services, 'visitor', visitor, visitor.id, request.id, VISITOR_FORM, now),
    ).toMatchObject({ ok: false, reason: 'not_happened' });
    expect(
      await submitOutcomeForm(services, 'host', adele, visitor.id, request.id, HOST_FORM, now),
    ).toMatchObject({ ok: false, reason: 'not_happened' });
  });

  it('cancels a visit on the day and tells the others', async () => {
    const { visitor, request, day } = await visitFor(4);
    const now = new Date(`${day}T09:30:00Z`);
    const result = await recordCheckIn(
      services,
      visitor,
      visitor.id,
      request.id,
      'cancelled_on_the_day',
      now,
    );
    expect(result).toMatchObject({ ok: true, request: { state: 'cancelled' } });
    expect(result.ok && result.queued.map((n) => n.personId).sort()).toEqual(
      [adele.id, visitor.managerId].sort(),
    );
    expect(await logged(request)).toBeUndefined();
  });

  it('asks the three-month question only after three months, once, and adds the answer to the log', async () => {
    const { visitor, request, day } = await visitFor(5);
    const now = AFTER_VISIT(day);
    await submitOutcomeForm(services, 'visitor', visitor, visitor.id, request.id, VISITOR_FORM, now);
    await submitOutcomeForm(services, 'host', adele, visitor.id, request.id, HOST_FORM, now);
    const answer = { changed: 'yes', detail: 'We now start discharge forms on day one.' };
    expect(await submitFollowUp(services, visitor, visitor.id, request.id, answer, now)).toMatchObject({
      ok: false,
      reason: 'too_early',
    });
    const later = new Date(now.getTime() + 91 * 86_400_000);
    expect(await submitFollowUp(services, adele, visitor.id, request.id, answer, later)).toMatchObject({
      ok: false,
      reason: 'not_party',
    });
    expect((await submitFollowUp(services, visitor, visitor.id, request.id, answer, later)).ok).toBe(true);
    expect(
      await submitFollowUp(services, visitor, visitor.id, request.id, { changed: 'no' }, later),
    ).toMatchObject({ ok: false, reason: 'already_recorded' });
    expect((await logged(request))?.record.followUp).toMatchObject({
      changed: 'yes',
      detail: 'We now start discharge forms on day one.',
    });
  });
});
