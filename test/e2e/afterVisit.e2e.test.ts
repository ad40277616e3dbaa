import type { Page } from 'playwright-core';
import { periodOf } from '../../src/domain/outcomes/exchangeRecord';
import { DEMO_IDS } from '../../src/demo/demoIds';
import { E2E_TIMEOUT_MS, step, waitForBotMessage } from './support/chatPage';
import { clickButton, clickForReply, openChat, pinMessage, waitForCardText } from './support/chatSteps';
import { fillHostForm, fillVisitorForm } from './support/fillOutcomeForms';
import { launchChromium, type ChromiumSession } from './support/launchChromium';
import { writePastConfirmedVisit } from './support/pastConfirmedVisit';
import { startDemoStack, type DemoStack } from './support/startDemoStack';
import { saveTranscripts } from './support/transcripts';

const PEOPLE = ['alex', 'adele'] as const;
type Key = (typeof PEOPLE)[number];

const OBJECTIVES = ['See a board round', 'Learn how a discharge is planned'];
const DO_DIFFERENTLY = 'Start discharge planning at the first board round, not the day before.';
const TEAM_GAINED = "A junior doctor's view of our discharge checklist.";

jest.setTimeout(E2E_TIMEOUT_MS);

/**
 * Issue 5 in the Playground: a confirmed visit that has taken place, the scheduler's check-in to
 * Alex and Adele, both forms filled in and sent from the cards, and the exchange in the log. Then
 * (issue 11) Adele takes the return visit to Alex's team her thanks card offers.
 */
describe('after a visit: check-ins and feedback in the Playground, and the exchange log', () => {
  let stack: DemoStack | undefined;
  let browser: ChromiumSession | undefined;
  const pages = {} as Record<Key, Page>;

  beforeAll(async () => {
    browser = await launchChromium();
    // Only the test's own tick runs the scheduler, so it knows when the check-ins are queued.
    stack = await startDemoStack([...PEOPLE], { SCHEDULER_INTERVAL_SECONDS: '0' });
    for (const key of PEOPLE) pages[key] = await browser.newPage();
  });

  afterAll(async () => {
    await saveTranscripts('afterVisit', pages);
    await browser?.close();
    await stack?.stop();
  });

  it('takes a confirmed visit to a logged exchange with both sides of the feedback and no names', async () => {
    const { alex, adele } = pages;
    const { store, dispatcher } = stack!.service;
    for (const key of PEOPLE)
      await step(pages[key], `welcome card for ${key}`, () => openChat(pages[key], stack!.playgrounds[key]!));

    const request = await writePastConfirmedVisit(store, OBJECTIVES);
    await dispatcher.tick();

    const visitorCard = await step(alex, 'check-in reaches Alex', async () =>
      pinMessage(alex, await waitForBotMessage(alex, /Did this shadowing visit happen\?/)),
    );
    await step(alex, 'Alex says it happened', async () => {
      await clickButton(visitorCard, 'Yes, it happened');
      await waitForCardText(visitorCard, /How did your visit go\?/);
    });
    await step(alex, 'Alex sends his feedback', async () => {
      await fillVisitorForm(visitorCard, {
        ratings: ['Met', 'Partly met'],
        gained: ['Technical know-how', 'Practical wisdom'],
        doDifferently: DO_DIFFERENTLY,
        recommend: 'Yes',
        followOn: 'A reciprocal visit (they visit us)',
        hours: '4',
      });
      await clickButton(visitorCard, 'Send my feedback');
      await waitForCardText(visitorCard, /Thank you: your feedback is recorded/);
    });

    const hostCard = await step(adele, 'check-in reaches Adele', async () =>
      pinMessage(adele, await waitForBotMessage(adele, /Did this shadowing visit happen\?/)),
    );
    await step(adele, 'Adele says it happened', async () => {
      await clickButton(hostCard, 'Yes, it happened');
      await waitForCardText(hostCard, /Thank you for hosting/);
    });
    await step(adele, 'Adele sends her feedback', async () => {
      await fillHostForm(hostCard, { teamGained: TEAM_GAINED, hostAgain: 'Yes' });
      await clickButton(hostCard, 'Send my feedback');
      await waitForCardText(
        hostCard,
        /Your feedback is recorded\. It helps show what these visits are worth\./,
      );
    });

    await step(adele, "Adele is offered a return visit to Alex's team, in one click", async () => {
      await waitForCardText(hostCard, /see how Acute Medicine works in return/);
      const reply = await clickForReply(
        adele,
        hostCard,
        'Visit Acute Medicine in return',
        /A return visit to Acute Medicine: I have filled in why and what you would like to learn\./,
      );
      await waitForCardText(reply, /Choose a host and a time/);
      await waitForCardText(reply, /A morning on the Acute Medical Unit/);
    });

    const stored = await store.read('requests', request.id, DEMO_IDS.alex);
    expect(stored?.doc.state).toBe('completed');

    const exchanges = await store.query('exchanges', { partitionKey: periodOf(request.start as string) });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({
      id: request.id,
      requestId: request.id,
      outcome: 'completed',
      visitStart: request.start,
      visitEnd: request.end,
      visitor: { profession: 'medical', department: 'Acute Medicine' },
      host: { profession: 'nursing', department: 'Discharge and Patient Flow' },
      crossProfession: true,
      setting: 'office',
      objectives: [
        { text: OBJECTIVES[0], rating: 'met' },
        { text: OBJECTIVES[1], rating: 'partly' },
      ],
      knowledge: ['technical_know_how', 'practical_wisdom'],
      hours: 4,
      doDifferently: DO_DIFFERENTLY,
      wouldRecommend: true,
      followOn: 'reciprocal',
      hostTeamGained: TEAM_GAINED,
      wouldHostAgain: true,
      visitorFeedback: true,
      hostFeedback: true,
      remindersNeeded: 0,
      daysToConfirm: 0,
    });

    const logged = JSON.stringify(exchanges[0]);
    const everyone = await store.query<{ id: string; name: string; email: string }>('people');
    const named = everyone.filter((person) => logged.includes(person.name) || logged.includes(person.email));
    expect(named.map((person) => person.name)).toEqual([]);
    expect(logged).not.toContain(request.purpose);
  });
});
