import type { Locator, Page } from 'playwright-core';
import {
  ARRANGED_COVER_NOT_NEEDED,
  COVER_NOT_NEEDED,
  TAKEN_ON_COVER_NOT_NEEDED,
} from '../../src/app/coverStandDown';
import { NOT_ON_SERVICE } from '../../src/teams/cards/notOnServiceCard';
import { E2E_TIMEOUT_MS, step, waitForBotMessage } from './support/chatPage';
import { clickButton, openChat, pinMessage, say, waitForCardText } from './support/chatSteps';
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

const MOVED_ON = /This card is out of date, so its buttons have been taken off\./;
const TRANSCRIPTS = {
  alex: 'erasedVisitorCover',
  miriam: 'erasedCoordinatorCover',
  miriamArranged: 'erasedCoordinatorAfterCover',
} as const;
const DECLINED = 'Sorry, the ward is closed to visitors that day.';

jest.setTimeout(E2E_TIMEOUT_MS);

/**
 * Cover asked for, then someone in the visit deletes their data, in the Playground: Alex asks for
 * a morning on his shift, Megan hands cover to Miriam (the rota coordinator), and then either
 * Alex or Miriam (while arranging the cover, or once she has arranged it) says "delete my data".
 * The scheduler's next run settles what they were part of. With Miriam gone, Adele then declines
 * the visit, and whoever now holds the cover is told to stand it down.
 */
describe.each([
  ['the visitor', 'alex'],
  ['the rota coordinator', 'miriam'],
  ['the rota coordinator, once she has arranged the cover,', 'miriamArranged'],
] as const)('cover for a visit after %s deletes their data, across four Playgrounds', (_who, walk) => {
  let stack: DemoStack | undefined;
  let browser: ChromiumSession | undefined;
  const pages = {} as Record<Key, Page>;
  const welcomes = {} as Record<Key, Locator>;

  beforeAll(async () => {
    browser = await launchChromium();
    // Only the test's own tick runs the scheduler, so it knows when the erasure is settled.
    stack = await startDemoStack([...PEOPLE], { SCHEDULER_INTERVAL_SECONDS: '0' });
    for (const key of PEOPLE) pages[key] = await browser.newPage();
    for (const key of PEOPLE)
      welcomes[key] = await step(pages[key], `welcome card for ${key}`, async () =>
        pinMessage(pages[key], await openChat(pages[key], stack!.playgrounds[key]!)),
      );
  });

  afterAll(async () => {
    await saveTranscripts(TRANSCRIPTS[walk], pages);
    await browser?.close();
    await stack?.stop();
  });

  /** Alex asks, Megan hands cover to Miriam: Miriam's cover card and Adele's host card. */
  async function coverAsked(): Promise<{ cover: Locator; hostCard: Locator }> {
    const { alex, megan, miriam, adele } = pages;
    await askForWorkTimeVisit(alex);
    await handCoverToCoordinator(megan, await approvalCard(megan));
    const cover = await coverCard(miriam);
    const hostCard = await step(adele, 'host card reaches Adele', async () =>
      pinMessage(adele, await waitForBotMessage(adele, /Alex Wilber would like to shadow you/)),
    );
    return { cover, hostCard };
  }

  /** `key` says "delete my data" and confirms; then the scheduler runs once. */
  async function deletesTheirData(key: Key): Promise<void> {
    const page = pages[key];
    // Pinned: the card is redrawn in place once answered, and its question is gone.
    const card = await step(page, `${key} asks to delete their data`, async () =>
      pinMessage(page, await say(page, 'delete my data', /Delete my data\?/)),
    );
    await step(page, `${key} confirms`, async () => {
      await clickButton(card, 'Yes, delete my data');
      await waitForCardText(card, /Your personal data has been deleted\./);
      // The card is redrawn without its buttons, so "Yes" cannot be pressed again.
      expect(await card.getByRole('button', { name: /Yes, delete my data|No, keep it/ }).count()).toBe(0);
    });
    await stack!.service.dispatcher.tick();
    await stack!.service.dispatcher.idle();
  }

  const noButtons = async (card: Locator) => expect(await card.getByRole('button').count()).toBe(0);

  /** Adele declines the visit with a reason: a typed reason and one click. */
  async function adeleDeclines(hostCard: Locator): Promise<void> {
    await step(pages.adele, 'Adele declines the visit, saying why', async () => {
      await hostCard
        .getByRole('textbox', { name: /Reason, if you decline/ })
        .fill(DECLINED, { timeout: 10_000 });
      await clickButton(hostCard, 'Decline');
      await waitForCardText(hostCard, /Declined by you/);
    });
  }

  /** Megan's card telling her to stand down the cover, in `words`, naming nobody erased. */
  async function meganStandsCoverDown(words: string, arrangedBy: RegExp): Promise<void> {
    const { megan } = pages;
    const told = await step(megan, 'Megan is told to stand the cover down', () =>
      waitForBotMessage(megan, /Cover no longer needed: Alex Wilber's visit is off/),
    );
    await waitForCardText(told, literally(words));
    await waitForCardText(told, arrangedBy);
    await noButtons(told);
    expect(await told.innerText()).not.toContain('Miriam');
  }

  it('settles the cover so that nobody is asked for what cannot happen, and nobody erased is named', async () => {
    const { megan, miriam, adele } = pages;
    const { cover, hostCard } = await coverAsked();
    if (walk === 'miriamArranged') {
      await step(miriam, 'Miriam marks cover arranged', async () => {
        await clickButton(cover, 'Cover arranged');
        await waitForCardText(cover, /cover is marked as arranged/i);
      });
    }
    await deletesTheirData(walk === 'alex' ? 'alex' : 'miriam');

    if (walk === 'alex') {
      const told = await step(miriam, 'Miriam is told the cover is no longer needed', () =>
        waitForBotMessage(miriam, /Cover no longer needed: A colleague's visit is off/),
      );
      await waitForCardText(told, literally(COVER_NOT_NEEDED));
      await step(miriam, "Miriam's cover card has lost its buttons", async () => {
        await waitForCardText(cover, MOVED_ON);
        await noButtons(cover);
      });
      const toMegan = await step(megan, 'Megan is told the request was withdrawn', () =>
        waitForBotMessage(megan, /The visitor's details have been removed from the shadowing service/),
      );
      const toAdele = await step(adele, 'Adele is told, and her card has lost its buttons', async () => {
        await waitForCardText(hostCard, MOVED_ON);
        await noButtons(hostCard);
        return waitForBotMessage(adele, /The visitor's details have been removed from the shadowing service/);
      });
      // Alex's name is on nothing sent or redrawn since he deleted his data.
      for (const card of [told, cover, toMegan, hostCard, toAdele])
        expect(await card.innerText()).not.toContain('Alex');
      await step(pages.alex, "Alex's welcome card, pressed, says plainly it no longer works", async () => {
        await clickButton(welcomes.alex, 'My requests');
        await waitForCardText(welcomes.alex, literally(NOT_ON_SERVICE));
        expect(
          await welcomes.alex
            .getByRole('button', { name: /Request a visit|Offer to host|My requests/ })
            .count(),
        ).toBe(0);
      });
    } else if (walk === 'miriam') {
      await step(miriam, "Miriam's own cover card, pressed, says plainly it no longer works", async () => {
        await clickButton(cover, 'Cover arranged');
        await waitForCardText(cover, literally(NOT_ON_SERVICE));
        // The Playground's own note under a pressed card keeps its close button: the card has none.
        expect(await cover.getByRole('button', { name: /Cover arranged|Cannot cover/ }).count()).toBe(0);
      });
      const asked = await step(megan, 'Megan is asked to arrange the cover herself', async () =>
        pinMessage(
          megan,
          await waitForBotMessage(
            megan,
            /The person arranging cover for this visit is no longer on the shadowing service/,
          ),
        ),
      );
      expect(await asked.innerText()).not.toContain('Miriam');
      await step(megan, 'Megan marks cover arranged, and her card says she arranged it', async () => {
        await clickButton(asked, 'Cover arranged');
        await waitForCardText(asked, /cover is marked as arranged/i);
        await waitForCardText(asked, /Arranged by you\./);
      });
      await step(pages.alex, 'Alex is told cover is arranged, by his manager', async () => {
        const told = await waitForBotMessage(pages.alex, /Cover for your shift has been arranged\./);
        await waitForCardText(told, /Arranged by your manager/);
      });
      await adeleDeclines(hostCard);
      await meganStandsCoverDown(TAKEN_ON_COVER_NOT_NEEDED, /Arranged by you\./);
    } else {
      await adeleDeclines(hostCard);
      await meganStandsCoverDown(ARRANGED_COVER_NOT_NEEDED, /Arranged by the rota coordinator\./);
    }
  });
});
