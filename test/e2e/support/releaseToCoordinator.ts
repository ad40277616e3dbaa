import type { Locator, Page } from 'playwright-core';
import { askForVisit, OPENING_NEXT_WEEK_WITH_PURPOSE, type AskedVisit } from './askForVisit';
import { step, waitForBotMessage } from './chatPage';
import { clickButton, pinMessage, waitForCardText } from './chatSteps';

/** Alex asks for next week's first discharge-team morning in his work time (a rostered shift). */
export function askForWorkTimeVisit(alex: Page): Promise<AskedVisit> {
  return askForVisit(alex, { withPurpose: true, opening: OPENING_NEXT_WEEK_WITH_PURPOSE, timeBasis: 'work' });
}

/** The latest card asking Megan to release Alex, pinned so it can be found once it changes. */
export function approvalCard(megan: Page): Promise<Locator> {
  return step(megan, 'approval card reaches Megan', async () =>
    pinMessage(
      megan,
      await waitForBotMessage(megan, /Alex Wilber asks to be released for a shadowing visit/),
    ),
  );
}

/**
 * Megan chooses "Rota coordinator to arrange" and approves: two actions. Her card then tells her
 * what she did and who has been asked: Adele to host, Miriam (the coordinator for Acute Medicine)
 * to arrange cover.
 */
export async function handCoverToCoordinator(megan: Page, approval: Locator): Promise<number> {
  await step(megan, 'Megan hands cover to the rota coordinator and approves', async () => {
    await approval.getByRole('radio', { name: 'Rota coordinator to arrange' }).check();
    await clickButton(approval, 'Approve release');
    await waitForCardText(
      approval,
      /You approved the release\. Adele Vance has been asked\. Miriam Graham has been asked to arrange cover\./,
    );
  });
  return 2;
}

/** The latest card asking Miriam to cover Alex's shift, pinned. */
export function coverCard(miriam: Page): Promise<Locator> {
  return step(miriam, 'cover card reaches Miriam', async () =>
    pinMessage(miriam, await waitForBotMessage(miriam, /Cover needed while Alex Wilber is away/)),
  );
}

/** `text` as a regular expression that matches it literally. */
export function literally(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
