import { Application } from '@microsoft/teams-ai';
import { TestAdapter, type Activity } from 'botbuilder';
import type { OutcomeServices } from '../../../src/app/outcomes/outcomeServices';
import type { Person } from '../../../src/domain/people';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { createLogger } from '../../../src/logging/logger';
import type { AppTurnState } from '../../../src/teams/appTurnState';
import { BotStateStorage } from '../../../src/teams/botStateStorage';
import { registerCardActions } from '../../../src/teams/handlers/cardActions';
import { registerOutcomeActions } from '../../../src/teams/handlers/outcomeActions';
import { renderNotification } from '../../../src/teams/renderNotification';
import { describeRequest } from '../../../src/app/describeRequest';
import { confirmedVisit, HOST_FORM, outcomeServicesOf } from '../../support/outcomeFixtures';
import {
  morningOf,
  personOf,
  seedWorkflow,
  visitorPerSlot,
  type Workflow,
} from '../../support/workflowFixtures';
import { embeddedSubject } from '../../support/workflowStores';

type Json = Record<string, unknown>;

/** After a completed visit the host is offered, in one click, a visit to the visitor's team. */
describe('a return visit after a completed exchange', () => {
  let workflow: Workflow;
  let services: OutcomeServices;
  let cleanup: () => Promise<void>;
  let adapter: TestAdapter;
  let visitor: Person;
  let adele: Person;
  let lynne: Person;
  let ids: { requestId: string; visitorId: string };
  let returnButton: Json | undefined;

  const from = (who: Person) => ({
    from: { id: `29:${who.id}`, name: '', aadObjectId: who.id },
    conversation: { id: `a:${who.id}`, isGroup: false, name: '', conversationType: 'personal' },
  });
  const execute = async (who: Person, verb: string, data: Json): Promise<Json> => {
    await adapter.receiveActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      ...from(who),
    } as Partial<Activity>);
    const response = adapter.activeQueue.splice(0).find((r) => r.type === 'invokeResponse');
    return ((response?.value as { body?: { value?: Json } } | undefined)?.body?.value ?? {}) as Json;
  };
  const click = async (who: Person, data: Json): Promise<Partial<Activity>[]> => {
    await adapter.receiveActivity({ type: 'message', value: data, ...from(who) } as Partial<Activity>);
    return adapter.activeQueue.splice(0);
  };
  const textOf = (replies: Partial<Activity>[]) =>
    JSON.stringify(replies.map((r) => [r.text, r.attachments]));
  const teamOffers = async () =>
    (await services.offers.listActive()).filter(
      (o) => o.department.toLowerCase() === visitor.department.toLowerCase(),
    );

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
    // The visitor's team starts with no offer of its own.
    for (const offer of await teamOffers()) {
      const found = await services.offers.find(offer.hostId, offer.id);
      await services.offers.replace({ ...offer, status: 'paused' }, found!.etag);
    }

    const logger = createLogger('silent');
    const app = new Application<AppTurnState>({
      storage: new BotStateStorage(workflow.store),
      startTypingTimer: false,
    });
    registerOutcomeActions(app, services, logger);
    registerCardActions(app, services, { logger });
    adapter = new TestAdapter(async (context) => {
      await app.run(context);
    });
  });
  afterAll(async () => cleanup());

  it('offers the host a return visit on the thanks for their feedback', async () => {
    expect(visitor.department).not.toBe(adele.department);
    const card = await execute(adele, 'outcome_host', { ...ids, ...HOST_FORM });
    const actions = (card.actions ?? []) as Json[];
    returnButton = actions.find((a) => (a.data as Json | undefined)?.verb === 'return_visit');
    expect(returnButton).toMatchObject({
      type: 'Action.Submit',
      title: `Visit ${visitor.department} in return`,
      data: { verb: 'return_visit', ...ids },
    });
    expect(JSON.stringify(card)).toContain(`see how ${visitor.department} works in return`);
  });

  it('refuses anyone but the host, changing nothing', async () => {
    const replies = await click(lynne, returnButton?.data as Json);
    expect(textOf(replies)).toContain('Only the host of this visit can ask for a return visit');
    expect(await services.outbox.listForPerson(visitor.id)).not.toContainEqual(
      expect.objectContaining({ kind: 'return_visit_invite' }),
    );
  });

  it('asks the visitor, once, whether their team would offer a session when it has none', async () => {
    let replies = await click(adele, returnButton?.data as Json);
    expect(textOf(replies)).toContain(`${visitor.department} has no offer to host visitors yet`);
    expect(textOf(replies)).toContain(`I have asked ${visitor.name}`);
    replies = await click(adele, returnButton?.data as Json);
    expect(textOf(replies)).toContain('I have already asked');

    const invites = (await services.outbox.listForPerson(visitor.id)).filter(
      (n) => n.kind === 'return_visit_invite',
    );
    expect(invites).toHaveLength(1);
    const found = await services.requests.find(ids.visitorId, ids.requestId);
    const card = renderNotification(invites[0]!, await describeRequest(services, found!.request));
    expect(JSON.stringify(card)).toContain(
      `${adele.name}, ${adele.department} would like to visit your team`,
    );
    expect(card.actions).toEqual([
      expect.objectContaining({ title: 'Offer to host', data: { verb: 'offer_to_host' } }),
    ]);
  });

  it('fills in a request to the visitor’s team, and shows only that team, once it has an offer', async () => {
    const now = workflow.services.clock().toISOString();
    await services.offers.create({
      id: 'return-offer',
      hostId: visitor.id,
      title: 'A morning with our team',
      description: 'See how our team works.',
      profession: visitor.profession,
      department: visitor.department,
      setting: 'office',
      sessions: [
        { weekday: 'wed', part: 'pm' },
        { weekday: 'thu', part: 'pm' },
      ],
      capacityPerWeek: 2,
      capacityPerMonth: 6,
      openTo: [],
      prerequisites: '',
      meetingPoint: 'Reception',
      status: 'active',
      createdAt: now,
      updatedAt: now,
    });
    const replies = await click(adele, returnButton?.data as Json);
    const text = textOf(replies);
    expect(text).toContain(`A return visit to ${visitor.department}`);
    expect(text).toContain('A morning with our team');
    expect(text).not.toContain('A morning with the discharge team');
    const picks = replies
      .flatMap((r) => r.attachments ?? [])
      .flatMap((a) => ((a.content as Json).body ? JSON.stringify(a.content) : ''))
      .join('');
    expect(picks).toContain('"verb":"draft_pick","offerId":"return-offer"');
  });
});
