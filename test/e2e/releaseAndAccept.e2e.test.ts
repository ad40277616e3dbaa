import type { Page } from 'playwright-core';
import { DEMO_IDS } from '../../src/demo/demoIds';
import { askForVisit } from './support/askForVisit';
import { E2E_TIMEOUT_MS, step, waitForBotMessage } from './support/chatPage';
import { clickButton, openChat, pinMessage, waitForCardText } from './support/chatSteps';
import { literally } from './support/releaseToCoordinator';
import { launchChromium, type ChromiumSession } from './support/launchChromium';
import { startDemoStack, type DemoStack } from './support/startDemoStack';

const PEOPLE = ['alex', 'megan', 'adele'] as const;
type Key = (typeof PEOPLE)[number];

jest.setTimeout(E2E_TIMEOUT_MS);

/**
 * Issue 4 in the Playground: one bot, three Playgrounds (Alex the visitor, Megan his manager, Adele
 * the host), three pages in one Chromium. The cards to Megan and Adele arrive unprompted.
 */
describe('release and acceptance across three Playgrounds', () => {
  let stack: DemoStack | undefined;
  let browser: ChromiumSession | undefined;
  const pages = {} as Record<Key, Page>;

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startDemoStack([...PEOPLE]);
    for (const key of PEOPLE) pages[key] = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('takes a request from Alex through Megan and Adele to a confirmed visit', async () => {
    const { alex, megan, adele } = pages;
    // Opening each chat installs the bot for that person, so it knows where to reach them.
    for (const key of PEOPLE)
      await step(pages[key], `welcome card for ${key}`, () => openChat(pages[key], stack!.playgrounds[key]!));

    const { time } = await askForVisit(alex);

    const approval = await step(megan, 'approval card reaches Megan', async () =>
      pinMessage(
        megan,
        await waitForBotMessage(megan, /Alex Wilber asks to be released for a shadowing visit/),
      ),
    );
    await step(megan, 'approval card shows the visit', () => waitForCardText(approval, literally(time)));
    await step(megan, 'Megan approves', async () => {
      // A time in work time needs cover: Megan says how it is arranged first.
      const withinTeam = approval.getByRole('radio', { name: 'Covered within the team' });
      if (await withinTeam.count()) await withinTeam.check();
      await clickButton(approval, 'Approve release');
      await waitForCardText(approval, /You approved the release\. Adele Vance has been asked\./);
    });
    await step(megan, 'decision buttons gone from her card', async () => {
      if (await approval.getByRole('button', { name: 'Approve release' }).count())
        throw new Error('the approval card still offers "Approve release"');
    });

    const hostCard = await step(adele, 'host card reaches Adele', async () =>
      pinMessage(adele, await waitForBotMessage(adele, /Alex Wilber would like to shadow you/)),
    );
    await step(adele, 'Adele accepts', async () => {
      await clickButton(hostCard, 'Accept');
      await waitForCardText(hostCard, /Confirmed: Alex Wilber will shadow you/);
    });

    const confirmation = await step(alex, 'confirmation reaches Alex', () =>
      waitForBotMessage(alex, /Your shadowing visit is confirmed/),
    );
    await step(alex, 'confirmation says where and when', async () => {
      await waitForCardText(confirmation, /Patient Flow Hub/);
      await waitForCardText(confirmation, literally(time));
    });

    const [request] = await stack!.service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    expect(request).toMatchObject({ state: 'confirmed', hostId: DEMO_IDS.adele, managerId: DEMO_IDS.megan });
    expect((request?.history as Array<{ to: string; by: string }>).map((t) => [t.to, t.by])).toEqual([
      ['awaiting_manager', DEMO_IDS.alex],
      ['awaiting_host', DEMO_IDS.megan],
      ['confirmed', DEMO_IDS.adele],
    ]);
  });
});
