import { Application } from '@microsoft/teams-ai';
import { TestAdapter, type Activity } from 'botbuilder';
import type { OutcomeServices } from '../../../src/app/outcomes/outcomeServices';
import { periodOf } from '../../../src/domain/outcomes/exchangeRecord';
import type { Person } from '../../../src/domain/people';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { createLogger } from '../../../src/logging/logger';
import type { AppTurnState } from '../../../src/teams/appTurnState';
import { BotStateStorage } from '../../../src/teams/botStateStorage';
import { registerDataRightsHandlers } from '../../../src/teams/handlers/dataRightsHandlers';
import { registerOutcomeActions } from '../../../src/teams/handlers/outcomeActions';
import { confirmedVisit, HOST_FORM, outcomeServicesOf, VISITOR_FORM } from '../../support/outcomeFixtures';
import {
  morningOf,
  personOf,
  seedWorkflow,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';

type Json = Record<string, unknown>;

/** The after-visit and data-rights routes under TestAdapter, over the seeded demo organisation. */
describe('after the visit, in Teams', () => {
  let workflow: Workflow;
  let services: OutcomeServices;
  let cleanup: () => Promise<void>;
  let adapter: TestAdapter;
  let visitor: Person;
  let adele: Person;
  let lynne: Person;
  let ids: { requestId: string; visitorId: string };

  const from = (who: Person) => ({
    from: { id: `29:${who.id}`, name: '', aadObjectId: who.id },
    conversation: { id: `a:${who.id}`, isGroup: false, name: '', conversationType: 'personal' },
  });
  const execute = async (who: Person, verb: string, data: Json): Promise<string> => {
    await adapter.receiveActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      ...from(who),
    } as Partial<Activity>);
    const replies = adapter.activeQueue.splice(0);
    const response = replies.find((r) => r.type === 'invokeResponse');
    return JSON.stringify((response?.value as { body?: unknown } | undefined)?.body);
  };
  const say = async (who: Person, text: string) => {
    await adapter.receiveActivity({ type: 'message', text, ...from(who) } as Partial<Activity>);
    return adapter.activeQueue.splice(0);
  };

  beforeAll(async () => {
    const opened = await embeddedSubject.open();
    cleanup = opened.cleanup;
    workflow = await seedWorkflow(opened.store);
    services = outcomeServicesOf(workflow);
    [visitor] = (await visitorPerSlot(services, workflow.offer, [morningOf('2025-03-18')])) as [Person];
    adele = await personOf(services, DEMO_IDS.adele);
    lynne = await personOf(services, DEMO_IDS.lynne);
    const request = await confirmedVisit(workflow, visitor, '2025-03-18');
    ids = { requestId: request.id, visitorId: visitor.id };
    workflow.setNow(new Date('2025-03-18T14:00:00Z'));

    const logger = createLogger('silent');
    const app = new Application<AppTurnState>({
      storage: new BotStateStorage(workflow.store),
      startTypingTimer: false,
    });
    registerOutcomeActions(app, services, logger);
    registerDataRightsHandlers(app, services, workflow.store, logger);
    app.activity('message', async (context) => void (await context.sendActivity('(something else)')));
    adapter = new TestAdapter(async (context) => {
      await app.run(context);
    });
  });
  afterAll(async () => cleanup());

  it('takes the host from "did it happen" to their form, and refuses the wrong person', async () => {
    expect(await execute(adele, 'outcome_check_in', { ...ids, answer: 'yes' })).toContain(
      '"verb":"outcome_host"',
    );
    expect(await execute(lynne, 'outcome_visitor', { ...ids, ...VISITOR_FORM })).toContain(
      'Only the visitor of this visit can send this feedback',
    );
    expect(await execute(visitor, 'outcome_check_in', { ...ids, answer: 'maybe' })).toContain(
      'nothing has been recorded',
    );
  });

  it('shows the visitor their form again with the problem, then their CPD record, then refuses a second go', async () => {
    const refused = await execute(visitor, 'outcome_visitor', {
      ...ids,
      ...VISITOR_FORM,
      soWhat: 'Patient 943 476 5919 waited',
    });
    expect(refused).toContain('an NHS number');
    expect(refused).toContain('"verb":"outcome_visitor"');
    expect(refused).toContain(VISITOR_FORM.doDifferently);

    const accepted = await execute(visitor, 'outcome_visitor', { ...ids, ...VISITOR_FORM });
    expect(accepted).toContain('Your CPD record (ready to copy)');
    expect(accepted).toContain('Hours: 4');
    expect(await execute(visitor, 'outcome_visitor', { ...ids, ...VISITOR_FORM })).toContain(
      'already sent your feedback',
    );
    expect(await execute(visitor, 'outcome_cpd', ids)).toContain('See a board round: Met');
  });

  it('logs the exchange when the host sends their feedback', async () => {
    expect(await execute(adele, 'outcome_host', { ...ids, ...HOST_FORM })).toContain('Thank you');
    const start = (await services.requests.find(visitor.id, ids.requestId))?.request.start as string;
    expect((await services.exchanges.find(periodOf(start), ids.requestId))?.record).toMatchObject({
      visitorFeedback: true,
      hostFeedback: true,
    });
  });

  it('sends a person their data, and erases it only after they confirm', async () => {
    const exported = await say(visitor, 'my data');
    expect(exported[0]?.text).toContain('Here is everything I hold about you');
    const json = exported
      .slice(1)
      .map((r) => r.text)
      .join('');
    expect(JSON.parse(json)).toMatchObject({ person: { id: visitor.id } });
    expect(json).not.toContain(adele.name);

    const asked = await say(visitor, 'Delete my data');
    expect(JSON.stringify(asked)).toContain('data_erase_confirm');
    expect(await execute(visitor, 'data_erase_cancel', {})).toContain('Nothing has been deleted');
    expect(await services.people.findById(visitor.id)).toBeDefined();

    expect(await execute(visitor, 'data_erase_confirm', {})).toContain('has been deleted');
    expect(await services.people.findById(visitor.id)).toBeUndefined();
    const states = await workflow.store.query('botstate');
    expect(JSON.stringify(states)).not.toContain(visitor.id);
  });
});
