import type { Locator } from 'playwright-core';
import { STEP_TIMEOUT_MS } from './chatPage';

/** The visitor's answers, as a person would give them on the card. */
export interface VisitorAnswers {
  /** One rating per objective, as the radio buttons are labelled: "Met", "Partly met" or "Not met". */
  ratings: string[];
  /** Check boxes to tick under "What did you gain?". */
  gained: string[];
  doDifferently: string;
  recommend: 'Yes' | 'No';
  followOn: string;
  hours: string;
}

export interface HostAnswers {
  teamGained: string;
  hostAgain: 'Yes' | 'No';
}

/** Fills in the visitor's feedback card ("How did your visit go?") without sending it. */
export async function fillVisitorForm(card: Locator, answers: VisitorAnswers): Promise<void> {
  for (const [index, rating] of answers.ratings.entries()) {
    await pickRadio(card, new RegExp(`How well was objective ${index + 1} met\\?`), rating);
  }
  for (const label of answers.gained)
    await card.getByRole('checkbox', { name: label }).check({ timeout: STEP_TIMEOUT_MS });
  await card
    .getByRole('textbox', { name: /What will you do differently\?/ })
    .fill(answers.doDifferently, { timeout: STEP_TIMEOUT_MS });
  await pickRadio(card, /Would you recommend this visit to a colleague\?/, answers.recommend);
  await pickRadio(card, /Is a follow-up or reciprocal visit planned\?/, answers.followOn);
  await card
    .getByRole('spinbutton', { name: /Hours spent/ })
    .fill(answers.hours, { timeout: STEP_TIMEOUT_MS });
}

/** Fills in the host's card ("Thank you for hosting") without sending it. */
export async function fillHostForm(card: Locator, answers: HostAnswers): Promise<void> {
  await card
    .getByRole('textbox', { name: /What did your team gain from the visit\?/ })
    .fill(answers.teamGained, { timeout: STEP_TIMEOUT_MS });
  await pickRadio(card, /Would you host again\?/, answers.hostAgain);
}

/** Chooses the option labelled exactly `option` in the radio group whose label matches `group`. */
async function pickRadio(card: Locator, group: RegExp, option: string): Promise<void> {
  await card
    .getByRole('radiogroup', { name: group })
    .getByRole('radio', { name: option, exact: true })
    .check({ timeout: STEP_TIMEOUT_MS });
}
