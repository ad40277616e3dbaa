import type { Locator, Page } from 'playwright-core';
import { createServices } from '../../src/app/services';
import { DEMO_IDS } from '../../src/demo/demoIds';
import type { ShadowingRequest } from '../../src/domain/requests';
import { botMessages, E2E_TIMEOUT_MS, step, STEP_TIMEOUT_MS, waitForBotMessage } from './support/chatPage';
import { clickButton, expectNewBotMessage, openChat, pinMessage, waitForCardText } from './support/chatSteps';
import { launchChromium, type ChromiumSession } from './support/launchChromium';
import {
  approvalCard,
  askForWorkTimeVisit,
  coverCard,
  handCoverToCoordinator,
  literally,
} from './support/releaseToCoordinator';
import { startDemoStack, type DemoStack } from './support/startDemoStack';
import { saveTranscripts } from './support/transcripts';

const PEOPLE = ['alex', 'megan', 'miriam', 'adele'] as const;
type Key = (typeof PEOPLE)[number];

const NO_COVER = 'Nobody on the bank that day';

jest.setTimeout(E2E_TIMEOUT_MS);

/**
 * Issue 11 in the Playground, when cover cannot be found: Miriam says why, Megan and Alex are
 * told, Adele's place is kept, and Megan either cancels the visit or releases Alex without cover.
 * One stack, two requests one after the other: the first is cancelled, so its morning is free again.
 */
describe('cover that cannot be arranged, across four Playgrounds', () => {
  let stack: DemoStack | undefined;
  let browser: ChromiumSession | undefined;
  const pages = {} as Record<Key, Page>;

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startDemoStack([...PEOPLE]);
    for (const key of PEOPLE) pages[key] = await browser.newPage();
    for (const key of PEOPLE)
      await step(pages[key], `welcome card for ${key}`, () => openChat(pages[key], stack!.playgrounds[key]!));
  });

  afterAll(async () => {
    await saveTranscripts('coverNotArranged', pages);
    await browser?.close();
    await stack?.stop();
  });

  const alexsRequests = async () =>
    (await stack!.service.store.query('requests', {
      partitionKey: DEMO_IDS.alex,
    })) as unknown as ShadowingRequest[];

  /** Alex asks, Megan hands cover to Miriam, Miriam cannot cover: Megan's card asking what now. */
  async function coverFails(): Promise<{ time: string; failed: Locator }> {
    const { alex, megan, miriam } = pages;
    const asked = await askForWorkTimeVisit(alex);
    await handCoverToCoordinator(megan, await approvalCard(megan));
    const cover = await coverCard(miriam);
    // Alex's message must be a new one: the first request's stays in his chat.
    const toAlex = expectNewBotMessage(
      alex,
      /Cover for your shift could not be arranged, so your manager will decide whether you can still go\. The host is keeping your place meanwhile\./,
      () =>
        step(miriam, 'Miriam cannot cover, and says why', async () => {
          await cover
            .getByRole('textbox', { name: /If you cannot cover: why/ })
            .fill(NO_COVER, { timeout: 10_000 });
          await clickButton(cover, 'Cannot cover');
          await waitForCardText(
            cover,
            /Thank you: the manager and the visitor have been told that cover cannot be arranged\./,
          );
        }),
    );
    await step(alex, 'Alex is told, and that his place is kept', () => toAlex);
    const failed = await step(megan, "Megan is asked what now, with Miriam's reason", async () => {
      const card = await pinMessage(
        megan,
        await waitForBotMessage(megan, /Cover could not be arranged for Alex Wilber's visit/),
      );
      await waitForCardText(card, literally(NO_COVER));
      await waitForCardText(card, /The host is keeping the place until you decide\./);
      await waitForCardText(card, literally(asked.time));
      return card;
    });
    return { time: asked.time, failed };
  }

  it('lets Megan cancel the visit: Alex and Adele are told and the morning is free again', async () => {
    const { alex, megan, adele } = pages;
    const { failed } = await coverFails();
    const [waiting] = await alexsRequests();
    const holds = () =>
      createServices(stack!.service.store).holds.holdsAround(
        DEMO_IDS.adele,
        waiting!.offerId!,
        waiting!.start!,
      );
    expect(waiting).toMatchObject({ state: 'awaiting_host', cover: 'failed', coverFailedReason: NO_COVER });
    expect(JSON.stringify(await holds())).toContain(waiting!.id);

    await step(megan, 'Megan cancels the visit', async () => {
      await clickButton(failed, 'Cancel the visit');
      await waitForCardText(failed, /Alex Wilber's shadowing request: cancelled/);
    });
    await step(alex, 'Alex is told it is cancelled, and why', () =>
      waitForBotMessage(
        alex,
        /Megan Bowen cancelled the visit because cover for your shift could not be arranged\./,
      ),
    );
    await step(adele, 'Adele is told it is cancelled', async () => {
      const told = await waitForBotMessage(adele, /Alex Wilber's shadowing request: cancelled/);
      const text = await told.innerText();
      // The host learns the visit is off, not about Alex's rota or its cover.
      for (const secret of [NO_COVER, 'cover', 'rota']) expect(text).not.toContain(secret);
    });
    const [cancelled] = await alexsRequests();
    expect(cancelled).toMatchObject({ id: waiting!.id, state: 'cancelled' });
    expect(JSON.stringify(await holds())).not.toContain(waiting!.id);
  });

  it('lets Megan release Alex without cover; Adele accepts and the visit is confirmed', async () => {
    const { alex, megan, adele } = pages;
    const hostCards = botMessages(adele).filter({ hasText: /Alex Wilber would like to shadow you/ });
    const earlierHostCards = await hostCards.count();
    const { time, failed } = await coverFails();
    await step(megan, 'Megan releases Alex without cover', async () => {
      await clickButton(failed, 'Release without cover');
      await waitForCardText(
        failed,
        /You released them without cover\. The visitor has been told; the visit goes ahead once the host has agreed it\./,
      );
    });
    await step(alex, 'Alex is told he is released without cover', () =>
      waitForBotMessage(
        alex,
        /Cover could not be arranged, but your manager has released you anyway\. Your visit goes ahead once the host has agreed it\./,
      ),
    );

    const hostCard = await step(adele, "Adele's request card for the second visit", async () => {
      const card = hostCards.nth(earlierHostCards);
      await card.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      return pinMessage(adele, card);
    });
    await step(adele, 'Adele accepts', async () => {
      await clickButton(hostCard, 'Accept');
      await waitForCardText(hostCard, /Confirmed: Alex Wilber will shadow you/);
    });
    const confirmation = await step(alex, 'confirmation reaches Alex', () =>
      waitForBotMessage(alex, /Your shadowing visit is confirmed/),
    );
    await step(alex, 'confirmation says work time, cover not arranged', async () => {
      await waitForCardText(confirmation, literally(time));
      await waitForCardText(confirmation, /Work time: your manager releases you from your rota\./);
      await waitForCardText(
        confirmation,
        /Cover for your shift\s*Could not be arranged: your manager released you without it/,
      );
    });
    const confirmed = (await alexsRequests()).find((r) => r.state === 'confirmed');
    expect(confirmed).toMatchObject({
      timeBasis: 'work_time',
      cover: 'failed',
      coverFailedReason: NO_COVER,
      releasedWithoutCover: true,
    });
  });
});
