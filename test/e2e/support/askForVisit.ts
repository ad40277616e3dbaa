import type { Locator, Page } from 'playwright-core';
import { step } from './chatPage';
import { clickButton, expectNewBotMessage, say } from './chatSteps';

/**
 * "In two weeks" is always a whole Monday-to-Sunday week ahead, so it holds two Tuesday and two
 * Thursday mornings for the discharge team whatever day the test runs (next week may be the
 * week that has begun).
 */
export const OPENING_SENTENCE = "I'd like to spend a morning with the discharge team in two weeks";
/** The same wish with its reason in it: the bot has nothing left to ask. */
export const OPENING_WITH_PURPOSE =
  'I want to learn how complex discharges are planned, so could I spend a morning with the discharge team in two weeks?';
/**
 * The same wish for next week: the demo rota has Alex (FY1) on a day shift or long day on at least
 * one of next week's discharge-team mornings, whatever day the test runs, so a work-time time is offered.
 */
export const OPENING_NEXT_WEEK_WITH_PURPOSE =
  'I want to learn how complex discharges are planned, so could I spend a morning with the discharge team next week?';
export const PURPOSE = 'To understand why discharges from my ward get delayed';
export const OBJECTIVES = ['See a board round', 'Learn how a discharge is planned'];
export const DISCHARGE_OFFER_TITLE = 'A morning with the discharge team';

/** A visit time as the buttons show it, e.g. "Tue 17 Mar, 09:00-13:00" (maybe with "(work time)"). */
const VISIT_TIME =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}-\d{2}:\d{2}( \((work|own) time\))?$/;

export interface AskedVisit {
  /** The time chosen, as the card shows it ("Tue 17 Mar, 09:00-13:00"). */
  time: string;
  /** The bot's answer to "Send to my manager". */
  sent: Locator;
  /** Messages typed and buttons clicked, from the first sentence to "Sent". */
  actions: number;
}

/**
 * Alex's request from an opening sentence to "Sent", typed and clicked in the Playground as a
 * person would. With the reason in the sentence: the sentence, a time under the discharge team,
 * send. Without: the reason and objectives are asked once, together, and typed on one line.
 * `opening` replaces the sentence with its purpose; `timeBasis` picks the first time labelled work
 * (or own) time instead of the first time.
 */
export async function askForVisit(
  page: Page,
  options: { withPurpose?: boolean; opening?: string; timeBasis?: 'work' | 'own' } = {},
): Promise<AskedVisit> {
  let actions = 0;
  const act = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    actions += 1;
    return step(page, name, run);
  };
  let hosts: Locator;
  if (options.withPurpose) {
    hosts = await act('opening sentence with its purpose', () =>
      say(page, options.opening ?? OPENING_WITH_PURPOSE, /Choose a host and a time/),
    );
  } else {
    await act('opening sentence', () =>
      say(page, OPENING_SENTENCE, /Why would you like to go, and what do you want to learn\?/),
    );
    hosts = await act('purpose and objectives typed', () =>
      say(page, [PURPOSE, ...OBJECTIVES].join('; '), /Choose a host and a time/),
    );
  }
  const times = await step(page, 'the discharge team is offered', () =>
    hostTimes(hosts, DISCHARGE_OFFER_TITLE),
  );
  const time = pickTime(times, options.timeBasis);
  const summary = await act('host and time chosen with one click', () =>
    expectNewBotMessage(page, /Check your request/, () =>
      clickButton(timesOf(hosts, DISCHARGE_OFFER_TITLE), time),
    ),
  );
  const shownTime = time.replace(/ \((work|own) time\)$/, '');
  await step(page, 'summary shows the choices', async () => {
    const text = await summary.innerText();
    const expected = options.withPurpose
      ? ['To learn how complex discharges are planned', DISCHARGE_OFFER_TITLE, shownTime]
      : [PURPOSE, ...OBJECTIVES, DISCHARGE_OFFER_TITLE, shownTime];
    for (const part of expected)
      if (!text.includes(part)) throw new Error(`the summary card does not show "${part}":\n${text}`);
  });
  const sent = await act('sent to the manager', () =>
    expectNewBotMessage(page, /I have asked Megan Bowen to (release you|agree your visit)/, () =>
      clickButton(summary, 'Send to my manager'),
    ),
  );
  return { time: shownTime, sent, actions };
}

/** The first time offered, or the first in work (own) time when that is asked for. */
function pickTime(times: string[], basis: 'work' | 'own' | undefined): string {
  const time = basis ? times.find((t) => t.endsWith(`(${basis} time)`)) : times[0];
  if (!time) throw new Error(`no time in ${basis} time was offered; the times were: ${times.join(' | ')}`);
  return time;
}

/** The part of the host-and-time card for one host: the innermost container showing its title. */
function timesOf(hosts: Locator, title: string): Locator {
  return hosts.locator('.ac-container').filter({ hasText: title }).last();
}

/** The times offered as buttons under a host. */
async function hostTimes(hosts: Locator, title: string): Promise<string[]> {
  const text = await hosts.innerText();
  if (!text.includes(title)) throw new Error(`"${title}" is not among the hosts offered:\n${text}`);
  const names = await timesOf(hosts, title).getByRole('button').allInnerTexts();
  const times = names.map((name) => name.trim()).filter((name) => VISIT_TIME.test(name));
  if (times.length === 0)
    throw new Error(`no visit time offered for "${title}"; the buttons were: ${names.join(' | ')}`);
  return times;
}
