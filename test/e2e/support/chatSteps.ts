import type { Locator, Page } from 'playwright-core';
import type { RunningPlayground } from '../../../scripts/playground/spawnPlayground';
import { botMessages, sendMessage, STEP_TIMEOUT_MS, waitForBotMessage } from './chatPage';

/**
 * Opens a person's chat in the Playground and waits for the bot's welcome card. Loading the page
 * installs the bot for that person, which is when the bot stores where to reach them later.
 */
export async function openChat(page: Page, playground: RunningPlayground): Promise<Locator> {
  await page.goto(playground.url, { timeout: STEP_TIMEOUT_MS });
  return waitForBotMessage(
    page,
    new RegExp(`Hello ${playground.user.givenName}, I help you arrange job shadowing`, 'i'),
  );
}

/**
 * Runs `action` and waits for a bot message matching `text` that was not there before: a new
 * message, not an earlier one that happened to say the same.
 */
export async function expectNewBotMessage(
  page: Page,
  text: RegExp,
  action: () => Promise<void>,
): Promise<Locator> {
  const matching = botMessages(page).filter({ hasText: text });
  const before = await matching.count();
  await action();
  const message = matching.nth(before);
  await message.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return message;
}

/** Types a line into the chat and waits for the bot's new message matching `reply`. */
export function say(page: Page, text: string, reply: RegExp): Promise<Locator> {
  return expectNewBotMessage(page, reply, () => sendMessage(page, text));
}

/** Clicks the button called `name` (exactly) on a card and waits for the new message matching `reply`. */
export function clickForReply(
  page: Page,
  card: Locator,
  name: string | RegExp,
  reply: RegExp,
): Promise<Locator> {
  return expectNewBotMessage(page, reply, () => clickButton(card, name));
}

/** Clicks the button called `name` on a card (exactly, when `name` is a string). */
export async function clickButton(card: Locator, name: string | RegExp): Promise<void> {
  const button = card.getByRole('button', { name, exact: typeof name === 'string' });
  await button.click({ timeout: STEP_TIMEOUT_MS });
}

/**
 * The same message by its place in the conversation, so it can still be found once the bot has
 * replaced its card in place and the text it was found by has gone.
 */
export async function pinMessage(page: Page, message: Locator): Promise<Locator> {
  const target = await message.elementHandle({ timeout: STEP_TIMEOUT_MS });
  const index = await botMessages(page).evaluateAll(
    (all, element) => all.indexOf(element as (typeof all)[number]),
    target,
  );
  await target.dispose();
  if (index < 0) throw new Error('That message is no longer in the conversation.');
  return botMessages(page).nth(index);
}

/** Waits until `card` (a message updated in place) shows `text`, and says what it showed if not. */
export async function waitForCardText(card: Locator, text: RegExp): Promise<void> {
  try {
    await card.filter({ hasText: text }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  } catch (error) {
    const shown = await card.innerText({ timeout: 1_000 }).catch(() => '(the card has gone)');
    throw new Error(
      `expected the card to show ${text}, but it showed:\n${shown}\n${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
}
