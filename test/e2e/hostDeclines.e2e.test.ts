import type { Page } from 'playwright-core';
import { DEMO_IDS } from '../../src/demo/demoIds';
import { askForVisit } from './support/askForVisit';
import { botMessages, E2E_TIMEOUT_MS, STEP_TIMEOUT_MS, step, waitForBotMessage } from './support/chatPage';
import { clickButton, openChat, pinMessage, waitForCardText } from './support/chatSteps';
import { literally } from './support/releaseToCoordinator';
import { launchChromium, type ChromiumSession } from './support/launchChromium';
import { startDemoStack, type DemoStack } from './support/startDemoStack';
import { saveTranscripts } from './support/transcripts';

const PEOPLE = ['alex', 'megan', 'adele'] as const;
type Key = (typeof PEOPLE)[number];
const REASON = 'I am on a study day that week, sorry.';

jest.setTimeout(E2E_TIMEOUT_MS);

/**
 * The host says no, in three Playgrounds: Megan releases Alex, Adele declines with a reason. Alex
 * reads that the visit is off and why; Megan reads that it is off and what becomes of the cover,
 * never Adele's reason (her card tells her only the visitor will see it).
 */
describe('a host who declines, across three Playgrounds', () => {
  let stack: DemoStack | undefined;
  let browser: ChromiumSession | undefined;
  const pages = {} as Record<Key, Page>;

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startDemoStack([...PEOPLE]);
    for (const key of PEOPLE) pages[key] = await browser.newPage();
  });

  afterAll(async () => {
    await saveTranscripts('hostDeclines', pages).catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  it('tells Alex why and Megan only that the visit is off', async () => {
    const { alex, megan, adele } = pages;
    for (const key of PEOPLE)
      await step(pages[key], `welcome card for ${key}`, () => openChat(pages[key], stack!.playgrounds[key]!));

    await askForVisit(alex);

    const approval = await step(megan, 'approval card reaches Megan', async () =>
      pinMessage(
        megan,
        await waitForBotMessage(megan, /Alex Wilber asks to be released for a shadowing visit/),
      ),
    );
    // A time in work time needs cover: Megan says the team covers it.
    const withinTeam = approval.getByRole('radio', { name: 'Covered within the team' });
    const inWorkTime = (await withinTeam.count()) > 0;
    await step(megan, 'Megan approves', async () => {
      if (inWorkTime) await withinTeam.check();
      await clickButton(approval, 'Approve release');
      await waitForCardText(approval, /You approved the release\. Adele Vance has been asked\./);
    });

    const hostCard = await step(adele, 'host card reaches Adele', async () =>
      pinMessage(adele, await waitForBotMessage(adele, /Alex Wilber would like to shadow you/)),
    );
    await step(adele, 'Adele declines with a reason', async () => {
      await hostCard
        .getByRole('textbox', { name: /Reason, if you decline/ })
        .fill(REASON, { timeout: STEP_TIMEOUT_MS });
      await clickButton(hostCard, 'Decline');
      await waitForCardText(hostCard, /could not host this visit/);
    });

    const told = await step(alex, 'Alex is told the visit is off, and why', () =>
      waitForBotMessage(alex, /Adele Vance could not host this visit\./),
    );
    await step(alex, "Alex's message gives Adele's reason", () => waitForCardText(told, literally(REASON)));
    if (inWorkTime)
      await step(alex, 'Alex is told he is no longer released', () =>
        waitForCardText(told, /You are no longer released from your rota\./),
      );

    const meganTold = await step(megan, 'Megan is told the visit is off', () =>
      waitForBotMessage(megan, /Adele Vance could not host this visit, so it is off\./),
    );
    if (inWorkTime)
      await step(megan, 'Megan is told the team need not cover', () =>
        waitForCardText(meganTold, /The team no longer needs to cover the shift\./),
      );
    const meganSaw = (await botMessages(megan).allInnerTexts()).join('\n');
    expect(meganSaw).not.toContain(REASON);

    const [request] = await stack!.service.store.query('requests', { partitionKey: DEMO_IDS.alex });
    expect(request).toMatchObject({ state: 'declined_by_host', hostId: DEMO_IDS.adele });
  });
});
