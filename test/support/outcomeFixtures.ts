import { decideOnRequest } from '../../src/app/decideOnRequest';
import type { OutcomeServices } from '../../src/app/outcomes/outcomeServices';
import type { RequestWithOutcomes } from '../../src/domain/outcomes/outcomeTypes';
import type { Person } from '../../src/domain/people';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { ExchangesRepository } from '../../src/store/repositories/exchangesRepository';
import { morningOf, personOf, submitFor, type Workflow } from './workflowFixtures';

/** The workflow's services with the exchange log added, as createServices will provide them. */
export function outcomeServicesOf(workflow: Workflow): OutcomeServices {
  return Object.assign(workflow.services, { exchanges: new ExchangesRepository(workflow.store) });
}

/** A request for this visitor on this morning, released by their manager and accepted by Adele. */
export async function confirmedVisit(
  workflow: Workflow,
  visitor: Person,
  day: string,
): Promise<RequestWithOutcomes> {
  const request = await submitFor(workflow, visitor, morningOf(day));
  const now = workflow.services.clock();
  const manager = await personOf(workflow.services, visitor.managerId as string);
  const approved = await decideOnRequest(
    workflow.services,
    manager,
    visitor.id,
    request.id,
    { action: 'approve', coverMethod: 'within_team' },
    now,
  );
  await workflow.services.afterAnswer.idle();
  if (!approved.ok) throw new Error(`approval refused: ${approved.refusal}`);
  const adele = await personOf(workflow.services, DEMO_IDS.adele);
  const accepted = await decideOnRequest(
    workflow.services,
    adele,
    visitor.id,
    request.id,
    { action: 'accept' },
    now,
  );
  await workflow.services.afterAnswer.idle();
  if (!accepted.ok) throw new Error(`acceptance refused: ${accepted.refusal}`);
  return accepted.request;
}

/** A complete, valid visitor form for a request with two objectives. */
export const VISITOR_FORM = {
  objective_0: 'met',
  objective_1: 'partly',
  knowledge: 'technical_know_how,practical_wisdom',
  doDifferently: 'Start discharge planning at the first board round, not the day before.',
  wouldRecommend: 'yes',
  followOn: 'reciprocal',
  hours: '4',
  what: 'I watched a board round.',
  soWhat: 'Delays come from late paperwork.',
  nowWhat: 'I will start the forms earlier.',
};

export const HOST_FORM = {
  teamGained: 'A junior doctor view of our discharge checklist.',
  wouldHostAgain: 'yes',
};
