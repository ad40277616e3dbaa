import { activityFrom } from './activities';
import { countAnswer } from './faultFigures';

export interface BotReply {
  type: string;
  text?: string;
  attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
}

/** Per service address: what its turns leave to finish after the answer (see settleAfterTurns). */
const settlers = new Map<string, () => Promise<void>>();

/**
 * Every turn posted to `baseUrl` from now on returns once the work it left after its answer (a
 * decision's pointers and messages) is done, as it did when that came before the answer, so a
 * test reads the store as the turn left it. Until the service stops (the function returned).
 */
export function settleAfterTurns(baseUrl: string, settle: () => Promise<void>): () => void {
  const origin = new URL(baseUrl).origin;
  settlers.set(origin, settle);
  return () => {
    if (settlers.get(origin) === settle) settlers.delete(origin);
  };
}

/**
 * Posts one activity and reads the answer. Unless `settled` is false (a test of what comes after
 * the answer), returns once the service has finished what the turn left for after its answer.
 */
export async function postActivity(
  baseUrl: string,
  activity: unknown,
  { settled = true }: { settled?: boolean } = {},
): Promise<{ status: number; replies: BotReply[]; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  countAnswer(response.status);
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  const replies = ((body as { activities?: BotReply[] } | undefined)?.activities ?? []) as BotReply[];
  if (settled) await settlers.get(new URL(baseUrl).origin)?.();
  return { status: response.status, replies, body };
}

/** Everything a reply shows, flattened to text, for assertions on what the person reads. */
export function replyText(reply: BotReply): string {
  return [reply.text ?? '', ...(reply.attachments ?? []).map((a) => JSON.stringify(a.content))].join('\n');
}

export function allText(replies: BotReply[]): string {
  return replies.map(replyText).join('\n');
}

/** Each actor adds the app in Teams, so the service can message them through `connectorUrl`. */
export async function installAll(
  serviceUrl: string,
  connectorUrl: string,
  actors: ReadonlyArray<{ userId: string; conversationId: string; aadObjectId?: string }>,
): Promise<void> {
  for (const who of actors)
    await postActivity(
      serviceUrl,
      activityFrom(
        who,
        { type: 'conversationUpdate', membersAdded: [{ id: who.userId }], deliveryMode: 'normal' },
        connectorUrl,
      ),
    );
}
