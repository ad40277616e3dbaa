import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Hang guards only, never what a test checks: every wait is for something to appear. Generous,
 * because a 2-core machine running other suites at the same time is slow to start Chromium,
 * Playgrounds and the bot, and to render. STEP_TIMEOUT_MS bounds one wait on the page;
 * E2E_TIMEOUT_MS one hook or test, made of many steps (each browser test file sets it).
 */
export const STEP_TIMEOUT_MS = 60_000;
export const E2E_TIMEOUT_MS = 300_000;

const COMPOSER = '[data-lexical-editor="true"]';
const SEND_BUTTON = 'button[aria-label="Send Message"]';
/** A message from the bot in the Playground's conversation pane. */
const BOT_MESSAGE = '.fai-OutputCard';

let screenshotDir: Promise<string> | undefined;

/**
 * Runs one step of a browser test on `page`, brought to the front first: Chromium slows the timers
 * of background tabs, which makes the Playground's page slow to send and show messages when
 * several people's pages are open. If the step fails, a screenshot of the page is saved to a
 * temporary folder and its path is added to the error.
 */
export async function step<T>(page: Page, name: string, action: () => Promise<T>): Promise<T> {
  try {
    await page.bringToFront();
    return await action();
  } catch (error) {
    const file = await saveScreenshot(page, name);
    const message = error instanceof Error ? error.message : String(error);
    const failure = new Error(`Step "${name}" failed: ${message}\nScreenshot: ${file}`);
    process.stderr.write(`Screenshot of the failed step "${name}": ${file}\n`);
    throw failure;
  }
}

async function saveScreenshot(page: Page, name: string): Promise<string> {
  screenshotDir ??= mkdtemp(path.join(os.tmpdir(), 'shadowing-e2e-screenshots-'));
  const file = path.join(await screenshotDir, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    return file;
  } catch (error) {
    return `(no screenshot: ${error instanceof Error ? error.message : String(error)})`;
  }
}

export function botMessages(page: Page): Locator {
  return page.locator(BOT_MESSAGE);
}

/** Waits for a bot message whose text matches `text`, and returns it. */
export async function waitForBotMessage(page: Page, text: RegExp): Promise<Locator> {
  const message = botMessages(page).filter({ hasText: text }).last();
  await message.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return message;
}

/** Types `text` into the composer and presses the send button. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const composer = page.locator(COMPOSER);
  await composer.click({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.type(text);
  await page.locator(SEND_BUTTON).click({ timeout: STEP_TIMEOUT_MS });
}
