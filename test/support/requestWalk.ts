import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import type { ShadowingRequest } from '../../src/domain/requests';
import type { Doc, DocumentStore } from '../../src/store/documentStore';
import { cardActions, lastCardReply } from './cards';
import type { BotReply } from './http';

type Json = Record<string, unknown>;
/** Posts one typed message as the visitor; resolves the bot's replies. */
type Say = (text: string) => Promise<BotReply[]>;
/** Posts one card submission as the visitor; resolves the bot's replies. */
type Click = (data: Json) => Promise<BotReply[]>;

/** "In two weeks" always holds mornings with the demo discharge team, whatever day the test runs. */
const OPENING = "I'd like to spend a morning with the discharge team in two weeks";
const PURPOSE = 'To understand why discharges from my ward get delayed';
const OBJECTIVES = 'See a board round\nLearn how a discharge is planned';

/**
 * A visitor's request conversation, from the first sentence to its summary card: a morning with
 * the demo discharge team in two weeks, its board round, the first time offered. `say` and
 * `click` post one turn each and resolve the bot's replies.
 */
export async function walkToSummary(say: Say, click: Click, objectives = OBJECTIVES): Promise<BotReply[]> {
  await say(OPENING);
  await say(PURPOSE);
  await say(objectives);
  const hosts = await click({ verb: 'draft_choice', field: 'setting', value: 'any' });
  const offers = cardActions(lastCardReply(hosts));
  const slots = await click(
    offers.find((a) => a.data.value === 'demo-offer-discharge-board-round')?.data ?? {},
  );
  const firstTime = cardActions(lastCardReply(slots)).find((a) => a.data.field === 'slot');
  return click(firstTime?.data ?? {});
}

/**
 * The same request in fewer turns: the first sentence, then why and what on one message, then the
 * first time offered. Resolves the data of the summary's "Send to my manager" button (which
 * carries the draft's id), undefined when the summary has none.
 */
export async function walkToSendButton(say: Say, click: Click): Promise<Json | undefined> {
  await say(OPENING);
  const hosts = await say(`${PURPOSE}\n${OBJECTIVES}`);
  const firstTime = cardActions(lastCardReply(hosts)).find((a) => a.data.verb === 'draft_pick');
  const summary = await click(firstTime?.data ?? {});
  return cardActions(lastCardReply(summary)).find((a) => a.data.verb === 'draft_submit')?.data;
}

/** The visitor's request waiting for their manager, as stored: the walked request once it is sent. */
export async function requestAwaitingManager(
  store: DocumentStore,
  visitorId: string = DEMO_IDS.alex,
): Promise<ShadowingRequest | undefined> {
  const [stored] = await store.query<ShadowingRequest & Doc>('requests', {
    partitionKey: visitorId,
    where: [{ field: 'state', op: '=', value: 'awaiting_manager' }],
  });
  return stored;
}
