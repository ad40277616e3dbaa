import { cardActions, lastCardReply } from './cards';
import type { BotReply } from './http';

type Json = Record<string, unknown>;

/**
 * A visitor's request conversation, from the first sentence to its summary card: a morning with
 * the demo discharge team in two weeks, its board round, the first time offered. `say` and
 * `click` post one turn each and resolve the bot's replies.
 */
export async function walkToSummary(
  say: (text: string) => Promise<BotReply[]>,
  click: (data: Json) => Promise<BotReply[]>,
  objectives = 'See a board round\nLearn how a discharge is planned',
): Promise<BotReply[]> {
  await say("I'd like to spend a morning with the discharge team in two weeks");
  await say('To understand why discharges from my ward get delayed');
  await say(objectives);
  const hosts = await click({ verb: 'draft_choice', field: 'setting', value: 'any' });
  const offers = cardActions(lastCardReply(hosts));
  const slots = await click(
    offers.find((a) => a.data.value === 'demo-offer-discharge-board-round')?.data ?? {},
  );
  const firstTime = cardActions(lastCardReply(slots)).find((a) => a.data.field === 'slot');
  return click(firstTime?.data ?? {});
}
