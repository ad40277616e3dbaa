import { Application } from '@microsoft/teams-ai';
import { TestAdapter, type Activity } from 'botbuilder';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../../src/app/services';
import type { HostOffer } from '../../../src/domain/offers';
import type { Person } from '../../../src/domain/people';
import { createLogger } from '../../../src/logging/logger';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';
import type { AppTurnState } from '../../../src/teams/appTurnState';
import { BotStateStorage } from '../../../src/teams/botStateStorage';
import {
  beginOffer,
  handleOfferText,
  registerOfferActions,
} from '../../../src/teams/handlers/offerDialogHandlers';
import { identifyPerson } from '../../../src/teams/identity';

const NOW = new Date('2026-11-22T10:00:00Z');

const lynne: Person = {
  id: 'aad-lynne',
  email: 'lynne@example.nhs.uk',
  name: 'Lynne Robbins',
  jobTitle: 'Physiotherapist',
  department: 'Physiotherapy',
  profession: 'ahp',
  roles: ['staff'],
};
const isaiah: Person = {
  id: 'aad-isaiah',
  email: 'isaiah@example.nhs.uk',
  name: 'Isaiah Langer',
  jobTitle: 'Staff nurse',
  department: 'Ward 7',
  profession: 'nursing',
  roles: ['staff'],
};

type Json = Record<string, unknown>;

/** The bot's offer routes under TestAdapter, wired the way the message handler wires them. */
function startBot(store: SqliteDocumentStore, services: Services): TestAdapter {
  const app = new Application<AppTurnState>({ storage: new BotStateStorage(store), startTypingTimer: false });
  registerOfferActions(app, services, createLogger('silent'));
  app.activity('message', async (context, state) => {
    const person = await identifyPerson(context, services.people);
    if (!person) return;
    const text = context.activity.text ?? '';
    if (await handleOfferText(context, state, person, services, text)) return;
    if (/^offer to host$/i.test(text.trim())) return beginOffer(context, state, person, services);
    await context.sendActivity('(not an offer message)');
  });
  return new TestAdapter(async (context) => {
    await app.run(context);
  });
}

describe('offering to host, in conversation', () => {
  let dataDir: string;
  let store: SqliteDocumentStore;
  let services: Services;
  let adapter: TestAdapter;

  const send = async (who: Person, fields: Partial<Activity>): Promise<Array<Partial<Activity>>> => {
    await adapter.receiveActivity({
      type: 'message',
      from: { id: `29:${who.id}`, name: '', aadObjectId: who.id },
      conversation: { id: `a:${who.id}`, isGroup: false, name: '', conversationType: 'personal' },
      ...fields,
    } as Partial<Activity>);
    return adapter.activeQueue.splice(0);
  };
  const say = (who: Person, text: string) => send(who, { text });
  const click = (who: Person, value: Json) => send(who, { value });
  const textOf = (replies: Array<Partial<Activity>>) =>
    replies
      .map((r) => `${r.text ?? ''}${JSON.stringify(r.attachments?.map((a) => a.content) ?? [])}`)
      .join('\n');

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'offer-chat-'));
    store = new SqliteDocumentStore(dataDir);
    await store.init();
    services = createServices(store, () => NOW);
    await services.people.upsert(lynne);
    await services.people.upsert(isaiah);
    adapter = startBot(store, services);
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function writeOffer(who: Person, title = 'Physiotherapy outpatient clinic'): Promise<HostOffer> {
    expect(textOf(await say(who, 'offer to host'))).toContain('What should your offer be called?');
    for (const answer of [
      title,
      'Sit in on a physiotherapy clinic and see how we assess back pain.',
      'AHP',
      'Physiotherapy',
      'clinic',
      'Tuesday mornings',
      '2 a week and 4 a month',
      'anyone',
      'none',
    ]) {
      await say(who, answer);
    }
    expect(textOf(await say(who, 'Physio reception, Outpatients Level 1'))).toContain('Check your offer');
    expect(textOf(await click(who, { verb: 'offer_submit' }))).toContain('Saved. Your offer is open');
    const offers = await services.offers.listForHost(who.id);
    return offers[offers.length - 1] as HostOffer;
  }

  it('goes from "offer to host" to a saved, active offer, surviving a restart half way', async () => {
    expect(textOf(await say(lynne, 'offer to host'))).toContain('What should your offer be called?');
    await say(lynne, 'Physiotherapy outpatient clinic');
    adapter = startBot(
      store,
      createServices(store, () => NOW),
    ); // a restart: state comes back from the store
    expect(
      textOf(await say(lynne, 'Sit in on a physiotherapy clinic and see how we assess back pain.')),
    ).toContain('Which staff group is this offer from?');
    expect(textOf(await click(lynne, { verb: 'offer_choice', field: 'profession', value: 'ahp' }))).toContain(
      'Which department or team?',
    );
    await say(lynne, 'Physiotherapy');
    expect(textOf(await click(lynne, { verb: 'offer_answer', field: 'setting', answer: 'ward' }))).toContain(
      'This setting needs an induction',
    );
    expect(textOf(await click(lynne, { verb: 'offer_choice', field: 'induction', value: 'yes' }))).toContain(
      'When can visitors come?',
    );
    for (const answer of [
      'Tuesday mornings and Thursday afternoons',
      '2',
      '6',
      'nurses and AHPs',
      'Closed shoes, please',
    ])
      await say(lynne, answer);
    const summary = textOf(await say(lynne, 'Ward 7 nurses station, Level 3'));
    expect(summary).toContain('Tuesday mornings (09:00-13:00) and Thursday afternoons (13:00-17:00)');
    expect(summary).toContain('Hospital ward (you arrange an induction)');
    expect(textOf(await click(lynne, { verb: 'offer_submit' }))).toContain('Your offers');
    const [offer] = await services.offers.listForHost(lynne.id);
    expect(offer).toMatchObject({
      hostId: lynne.id,
      status: 'active',
      setting: 'ward',
      openTo: ['nursing', 'ahp'],
      capacityPerWeek: 2,
      capacityPerMonth: 6,
    });
  });

  it('shows hostile text back inert, as a TextRun, never as markdown', async () => {
    const hostile = '**Bold** [click](https://evil.example) ${name} <b>x</b>';
    await writeOffer(lynne, hostile);
    const replies = await say(lynne, 'offer to host');
    const card = JSON.stringify(replies.map((r) => r.attachments?.[0]?.content));
    expect(card).toContain('Your offers');
    expect(card).toContain(JSON.stringify({ type: 'TextRun', text: hostile, weight: 'Bolder' }));
    expect(card).not.toContain(`"type":"TextBlock","text":${JSON.stringify(hostile)}`);
  });

  it('lets the host pause, resume and change their offer from the card', async () => {
    const offer = await writeOffer(lynne);
    expect(textOf(await click(lynne, { verb: 'offer_pause', offerId: offer.id }))).toContain(
      'Paused: hidden from search',
    );
    expect(await services.offers.listActive()).toEqual([]);
    expect(textOf(await click(lynne, { verb: 'offer_resume', offerId: offer.id }))).toContain(
      'Open: visitors can find it',
    );
    expect((await services.offers.listActive()).map((o) => o.id)).toEqual([offer.id]);

    expect(textOf(await click(lynne, { verb: 'offer_change', offerId: offer.id }))).toContain(
      'Change your offer',
    );
    expect(textOf(await click(lynne, { verb: 'offer_edit', field: 'meetingPoint' }))).toContain(
      'Where should visitors meet you?',
    );
    expect(textOf(await say(lynne, 'The gym, Outpatients Level 1'))).toContain('Save changes');
    expect(textOf(await click(lynne, { verb: 'offer_submit' }))).toContain('Saved your changes.');
    expect(await services.offers.listForHost(lynne.id)).toEqual([
      { ...offer, meetingPoint: 'The gym, Outpatients Level 1', updatedAt: NOW.toISOString() },
    ]);
  });

  it('opens an imported offer in a sensitive setting only when its host accepts the induction terms', async () => {
    const written = await writeOffer(lynne);
    const imported: HostOffer = { ...written, setting: 'ward', status: 'paused', awaitingInduction: true };
    // As the offer import writes it: through the repository, which keeps the search catalogue too.
    const found = await services.offers.find(lynne.id, written.id);
    await services.offers.replace(imported, found?.etag as string);

    const listed = textOf(await say(lynne, 'offer to host'));
    expect(listed).toContain('Paused until you accept the induction terms');
    expect(listed).toContain('Accept the induction terms');
    expect(textOf(await click(lynne, { verb: 'offer_resume', offerId: imported.id }))).toContain(
      'once you have accepted the induction terms',
    );
    expect(textOf(await click(isaiah, { verb: 'offer_accept_induction', offerId: imported.id }))).toContain(
      'I could not find that offer among yours',
    );
    expect(await services.offers.listActive()).toEqual([]);

    const accepted = textOf(await click(lynne, { verb: 'offer_accept_induction', offerId: imported.id }));
    expect(accepted).toContain('is open: colleagues can find it and ask to visit');
    const [open] = await services.offers.listActive();
    expect(open).toMatchObject({ id: imported.id, status: 'active', inductionAcceptedAt: NOW.toISOString() });
    expect(open?.awaitingInduction).toBeUndefined();
    expect(textOf(await click(lynne, { verb: 'offer_accept_induction', offerId: imported.id }))).toContain(
      'is open',
    );
  });

  it.each([
    ['pause', { verb: 'offer_pause' }],
    ['change', { verb: 'offer_change' }],
  ])(
    "refuses someone who clicks %s with another host's offer id, and changes nothing",
    async (_name, data) => {
      const offer = await writeOffer(lynne);
      const before = await services.offers.find(lynne.id, offer.id);
      expect(textOf(await click(isaiah, { ...data, offerId: offer.id }))).toContain(
        'I could not find that offer among yours',
      );
      expect(await services.offers.find(lynne.id, offer.id)).toEqual(before);
      expect(textOf(await click(isaiah, { verb: 'offer_submit' }))).toContain('That offer is no longer open');
      expect(await services.offers.find(lynne.id, offer.id)).toEqual(before);
    },
  );

  it.each([
    ['an offer id with path characters', { verb: 'offer_pause', offerId: '../../people/aad-lynne' }],
    ['an unknown question', { verb: 'offer_answer', field: 'salary', answer: 'lots' }],
    ['a missing offer id', { verb: 'offer_resume' }],
  ])('refuses a forged payload with %s, changing nothing', async (_name, data) => {
    const offer = await writeOffer(lynne);
    const before = await services.offers.find(lynne.id, offer.id);
    expect(textOf(await click(lynne, data))).toContain('could not read, so I have not changed anything');
    expect(await services.offers.find(lynne.id, offer.id)).toEqual(before);
  });

  it('answers a button from an earlier question by showing where the host is now', async () => {
    await say(lynne, 'offer to host');
    await say(lynne, 'Physiotherapy outpatient clinic');
    const replies = textOf(
      await click(lynne, { verb: 'offer_answer', field: 'title', answer: 'Another title' }),
    );
    expect(replies).toContain('That question has already been answered');
    expect(replies).toContain('What will a visitor see and learn?');
  });

  it('cancels with "cancel", saving nothing, and then leaves other messages alone', async () => {
    await say(lynne, 'offer to host');
    await say(lynne, 'Physiotherapy outpatient clinic');
    expect(textOf(await say(lynne, 'cancel'))).toContain('Nothing was saved');
    expect(await services.offers.listForHost(lynne.id)).toEqual([]);
    expect(textOf(await say(lynne, 'hello'))).toContain('(not an offer message)');
  });
});
