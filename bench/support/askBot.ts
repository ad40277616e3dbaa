import { message, type Actor } from '../../test/support/activities';
import type { createClient } from './postJson';

type Client = ReturnType<typeof createClient>;

/** Sends `text` as `actor` and says whether the bot answered as `expect`ed, with no apology. */
export async function ask(
  client: Client,
  url: string,
  actor: Actor,
  text: string,
  expect: RegExp,
): Promise<boolean> {
  const { status, body } = await client.post(`${url}/api/messages`, message(actor, text));
  return status === 200 && expect.test(body) && !/sorry/i.test(body);
}
