import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './support/launchChromium';
import {
  botMessages,
  sendMessage,
  step,
  STEP_TIMEOUT_MS,
  waitForBotMessage,
  waitForMoreBotMessages,
} from './support/chatPage';
import { startDemoStack, type DemoStack } from './support/startDemoStack';

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
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 30_000);

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

    const beforeHelp = await botMessages(page).count();
    await step(page, 'help answered', async () => {
      await sendMessage(page, 'help');
      await waitForMoreBotMessages(page, beforeHelp);
    });
    const helpAnswer = botMessages(page).last();
    await expectText(page, 'help answer text', helpAnswer, /What you can ask me/i);

    const beforeClick = await botMessages(page).count();
    await step(page, 'My requests answered', async () => {
      await helpAnswer.getByRole('button', { name: 'My requests' }).click({ timeout: STEP_TIMEOUT_MS });
      await waitForMoreBotMessages(page, beforeClick);
    });
    await expectText(page, 'my requests answer text', botMessages(page).last(), /Your requests/i);
  }, 120_000);
});

async function expectText(
  page: Page,
  name: string,
  message: ReturnType<Page['locator']>,
  text: RegExp,
): Promise<void> {
  await step(page, name, async () => {
    const content = await message.innerText({ timeout: STEP_TIMEOUT_MS });
    if (!text.test(content))
      throw new Error(`expected the bot's message to match ${text}, but it said:\n${content}`);
  });
}
