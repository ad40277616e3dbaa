import type { Locator, Page } from 'playwright-core';
import { step } from './chatPage';
import { clickButton, clickForReply, expectNewBotMessage, say } from './chatSteps';

/**
 * "In two weeks" is always a whole Monday-to-Sunday week ahead, so it holds two Tuesday and two
 * Thursday mornings for the discharge team whatever day the test runs (next week may be the
 * week that has begun).
 */
export const OPENING_SENTENCE = "I'd like to spend a morning with the discharge team in two weeks";
export const PURPOSE = 'To understand why discharges from my ward get delayed';
export const OBJECTIVES = ['See a board round', 'Learn how a discharge is planned'];
export const DISCHARGE_OFFER_TITLE = 'A morning with the discharge team';

/** A visit time as the cards show it, e.g. "Tue 17 Mar, 09:00-13:00". */
const VISIT_TIME = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}-\d{2}:\d{2}$/;

export interface AskedVisit {
  /** The time chosen, as the slot button showed it. */
  time: string;
  /** The bot's answer to "Send to my manager". */
  sent: Locator;
}

/**
 * Alex's request from an opening sentence to "Sent", typed and clicked in the Playground as a
 * person would: purpose and objectives typed, any setting, the discharge team, its first time.
 */
export async function askForVisit(page: Page): Promise<AskedVisit> {
  await step(page, 'opening sentence', () => say(page, OPENING_SENTENCE, /Why would you like to go\?/));
  await step(page, 'purpose typed', () => say(page, PURPOSE, /What do you want to learn\?/));
  const setting = await step(page, 'objectives typed', () =>
    say(page, OBJECTIVES.join('; '), /Any preference for the setting\?/),
  );
  const hosts = await step(page, 'any setting', () =>
    clickForReply(page, setting, 'Any setting', /Who would you like to visit\?/),
  );
  const slots = await step(page, 'discharge team chosen', () =>
    chooseHost(page, hosts, DISCHARGE_OFFER_TITLE),
  );
  const time = await step(page, 'first time chosen', () => firstVisitTime(slots));
  const summary = await step(page, 'time chosen', () =>
    clickForReply(page, slots, time, /Check your request/),
  );
  await step(page, 'summary shows the choices', async () => {
    const text = await summary.innerText();
    for (const expected of [PURPOSE, ...OBJECTIVES, DISCHARGE_OFFER_TITLE, time]) {
      if (!text.includes(expected)) throw new Error(`the summary card does not show "${expected}":\n${text}`);
    }
  });
  const sent = await step(page, 'sent to the manager', () =>
    expectNewBotMessage(page, /I have asked Megan Bowen to release you/, () =>
      clickButton(summary, 'Send to my manager'),
    ),
  );
  return { time, sent };
}

/** Clicks "Choose N" for the host whose card lists `title` as its Nth option. */
async function chooseHost(page: Page, hosts: Locator, title: string): Promise<Locator> {
  const text = await hosts.innerText();
  const number = new RegExp(`(\\d+)\\. ${title}`).exec(text)?.[1];
  if (!number) throw new Error(`"${title}" is not among the hosts offered:\n${text}`);
  return clickForReply(page, hosts, `Choose ${number}`, /When would you like to visit Adele Vance\?/);
}

async function firstVisitTime(slots: Locator): Promise<string> {
  const names = await slots.getByRole('button').allInnerTexts();
  const time = names.map((name) => name.trim()).find((name) => VISIT_TIME.test(name));
  if (!time) throw new Error(`no visit time offered; the buttons were: ${names.join(' | ')}`);
  return time;
}
