import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './support/launchChromium';
import { E2E_TIMEOUT_MS, step, STEP_TIMEOUT_MS, waitForBotMessage } from './support/chatPage';
import { clickForReply, say } from './support/chatSteps';
import { startDemoStack, type DemoStack } from './support/startDemoStack';

jest.setTimeout(E2E_TIMEOUT_MS);

/**
 * The bot and the Microsoft 365 Agents Playground, as `npm start` runs them, driven in Chromium as
 * Alex Wilber (the Playground's default user, a foundation doctor in the demo organisation).
 */
describe('chatting with the bot in the Playground as Alex', () => {
  let stack: DemoStack | undefined;
  let browser: ChromiumSession | undefined;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startDemoStack(['alex']);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the welcome card, answers help, and answers a card button', async () => {
    const alex = stack!.playgrounds.alex!;

    const welcome = await step(page, 'welcome card', async () => {
      await page.goto(alex.url, { timeout: STEP_TIMEOUT_MS });
      return waitForBotMessage(page, /Hello Alex, I help you arrange job shadowing/i);
    });
    await step(page, 'welcome card buttons', async () => {
      for (const title of ['Request a visit', 'Offer to host', 'My requests']) {
        await welcome.getByRole('button', { name: title }).waitFor({ timeout: STEP_TIMEOUT_MS });
      }
    });

    // Each answer is a new message saying what it should, whatever else the bot sends meanwhile.
    const helpAnswer = await step(page, 'help answered', () => say(page, 'help', /What you can ask me/i));
    await step(page, 'My requests answered', () =>
      clickForReply(page, helpAnswer, 'My requests', /Your requests/i),
    );
  });
});
