import type { TurnContext } from 'botbuilder';
import { createServices } from '../../../src/app/services';
import { readDigestSettings } from '../../../src/config/digestSettings';
import { DEFAULT_DIGEST_SETTINGS, type DigestSettings } from '../../../src/domain/digest/digestSettings';
import type { Person } from '../../../src/domain/people';
import { createReportMaker, isReportRequest, runReport } from '../../../src/teams/handlers/reportHandlers';
import type { RequestWithOutcomes } from '../../../src/domain/outcomes/outcomeTypes';
import type { Doc } from '../../../src/store/documentStore';
import { directoryPeople, REQUESTS, seedDigestFixtures } from '../../support/digestFixtures';
import { openTestStore, type TestStore } from '../cli/cliHarness';

const NOW = new Date('2026-03-02T10:00:00Z');

/** A turn that only collects what the bot sends. */
function fakeTurn(): { context: TurnContext; sent: unknown[] } {
  const sent: unknown[] = [];
  const context = {
    sendActivity: async (activity: unknown) => void sent.push(activity),
  } as unknown as TurnContext;
  return { context, sent };
}

const personOf = (id: string): Person => directoryPeople().find((p) => p.id === id) as Person;
const cardOf = (sent: unknown[]) =>
  JSON.stringify(
    (sent[0] as { attachments?: Array<{ content: unknown }> }).attachments?.[0]?.content ?? null,
  );

describe('reports in the bot', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openTestStore();
    await seedDigestFixtures(store);
  });
  afterAll(async () => store.dispose());

  const ask = async (id: string, text: string, settings: DigestSettings = DEFAULT_DIGEST_SETTINGS) => {
    const { context, sent } = fakeTurn();
    await runReport(
      context,
      personOf(id),
      text,
      createReportMaker(
        store,
        createServices(store, () => NOW),
        settings,
      ),
      NOW,
    );
    return sent;
  };

  it('gives a programme lead a report card for the department and dates asked for', async () => {
    const sent = await ask('patti', 'report from 16 Feb to 1 Mar for Discharge Team');
    const card = cardOf(sent);
    expect(card).toContain('Department: Discharge Team');
    expect(card).toContain('The organisation: Mon 16 Feb to Sun 1 Mar');
    expect(card).toContain('"title":"Visits completed","value":"2, up from 0 the period before"');
    expect(card).toContain('1. Adele Vance, Discharge Team: 2 visits');
    for (const visitor of ['Alex', 'Bob', 'Carl', 'Dana']) expect(card).not.toContain(visitor);
  });

  it.each(['megan', 'adele', 'alex'])(
    'politely refuses %s, who is not a programme lead, and shows nothing',
    async (id) => {
      const sent = await ask(id, 'report for Acute Medicine');
      expect(sent).toEqual([
        expect.stringMatching(/^Reports are for programme leads, so I cannot show you one\./),
      ]);
    },
  );

  it('counts someone named in PROGRAMME_LEAD_EMAILS as a programme lead', async () => {
    const settings = readDigestSettings({
      PROGRAMME_LEAD_EMAILS: ' Megan@Trust.nhs.uk , someone@trust.nhs.uk',
    });
    if (!settings.ok) throw new Error(settings.problems.join());
    const sent = await ask('megan', 'report last month', settings.settings);
    expect(cardOf(sent)).toContain('The organisation: Sun 1 Feb to Sat 28 Feb');
  });

  it('explains dates it cannot use', async () => {
    expect(await ask('patti', 'report from 31 Oct 2025 to 1 Oct 2025')).toEqual([
      expect.stringContaining('is after the end'),
    ]);
  });

  it('asks someone not in the directory to be added first', async () => {
    const { context, sent } = fakeTurn();
    await runReport(
      context,
      undefined,
      'report',
      createReportMaker(store, createServices(store), DEFAULT_DIGEST_SETTINGS),
      NOW,
    );
    expect(sent).toEqual([expect.stringContaining("can't find you in the staff directory")]);
  });

  it.each([
    ['report', true],
    ['Reports from 1 Oct', true],
    ['report from 1 Oct to 31 Oct for Acute Medicine', true],
    ['reporting', false],
    ['my requests', false],
  ])('reads "%s" as a report request: %s', (text, expected) => {
    expect(isReportRequest(text)).toBe(expected);
  });
});

describe('reports compare with the period before', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openTestStore();
    await seedDigestFixtures(store);
  });
  afterAll(async () => store.dispose());

  const requestsSent = async () => {
    const { context, sent } = fakeTurn();
    await runReport(
      context,
      personOf('patti'),
      'report from 16 Feb to 1 Mar',
      createReportMaker(
        store,
        createServices(store, () => NOW),
        DEFAULT_DIGEST_SETTINGS,
      ),
      NOW,
    );
    const line = /"title":"Requests sent","value":"(\d+), (?:(?:up|down) from (\d+)|the same as)/.exec(
      cardOf(sent),
    );
    if (!line) throw new Error(`no "Requests sent" line in ${cardOf(sent)}`);
    return { now: Number(line[1]), before: Number(line[2] ?? line[1]) };
  };

  it('counts a request sent and settled before the period began in the period before', async () => {
    const first = await requestsSent();
    // Sent on 5 Feb and declined on 6 Feb: inside 2-15 Feb, and untouched since.
    const settled = REQUESTS.find((r) => r.id === 'r-alex-lynne') as RequestWithOutcomes;
    await store.upsert('requests', {
      ...settled,
      id: 'r-settled-before',
      state: 'declined_by_manager',
      history: [
        { from: 'draft', to: 'awaiting_manager', by: 'alex', at: '2026-02-05T10:00:00Z' },
        { from: 'awaiting_manager', to: 'declined_by_manager', by: 'megan', at: '2026-02-06T10:00:00Z' },
      ],
      createdAt: '2026-02-05T10:00:00Z',
      updatedAt: '2026-02-06T10:00:00Z',
    } as RequestWithOutcomes & Doc);
    expect(await requestsSent()).toEqual({ now: first.now, before: first.before + 1 });
  });
});

describe('reports count reciprocal pairs', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openTestStore();
    await seedDigestFixtures(store);
  });
  afterAll(async () => store.dispose());

  it('pairs a return visit in the period with a first visit up to a year before it', async () => {
    const services = createServices(store, () => NOW);
    // Adele's Discharge Team visited Acute Medicine in October; Dana (Acute Medicine) returned on 26 Feb.
    await services.exchanges.save(
      {
        id: 'r-adele-acute',
        period: '2025-10',
        requestId: 'r-adele-acute',
        outcome: 'completed',
        visitStart: '2025-10-14T09:00:00Z',
        visitEnd: '2025-10-14T13:00:00Z',
        visitDate: '2025-10-14',
        visitor: { profession: 'nursing', department: 'Discharge Team' },
        host: { profession: 'medical', department: 'Acute Medicine' },
        crossProfession: true,
        objectives: [],
        knowledge: [],
        remindersNeeded: 0,
        cover: { visitorRostered: false, notesGiven: false },
        costs: { stated: false },
        visitorFeedback: false,
        hostFeedback: false,
        loggedAt: '2025-10-14T14:00:00Z',
      },
      () => false,
    );
    const { context, sent } = fakeTurn();
    await runReport(
      context,
      personOf('patti'),
      'report from 16 Feb to 1 Mar',
      createReportMaker(store, services, DEFAULT_DIGEST_SETTINGS),
      NOW,
    );
    expect(cardOf(sent)).toContain('"title":"Reciprocal pairs","value":"1, up from 0 the period before"');
    // The October visit, read only for pairing, is not counted as a visit of the period.
    expect(cardOf(sent)).toContain('"title":"Visits completed","value":"3, up from 0 the period before"');
  });
});
