import { activityFrom } from './activities';
import { countAnswer } from './faultFigures';

export interface BotReply {
  type: string;
  text?: string;
  attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
}

export async function postActivity(
  baseUrl: string,
  activity: unknown,
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
