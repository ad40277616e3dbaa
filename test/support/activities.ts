import { randomUUID } from 'node:crypto';

export const TENANT_ID = '00000000-0000-0000-0000-0000000000001';
/** The bot's id in Teams activities (the recipient of what people send). */
export const BOT_ID = '28:shadowing-bot';

export interface Actor {
  aadObjectId?: string;
  userId: string;
  conversationId: string;
  /** The Microsoft 365 tenant the activity names; TENANT_ID unless given. */
  tenantId?: string;
}

export function actorFor(aadObjectId: string | undefined, label: string): Actor {
  return { aadObjectId, userId: `29:${label}`, conversationId: `a:${label}-personal` };
}

/** A Teams-shaped activity from `actor`, answered in the HTTP response (expectReplies) by default. */
export function activityFrom(
  actor: Actor,
  fields: Record<string, unknown>,
  serviceUrl = 'http://127.0.0.1:9/',
): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-GB',
    from: { id: actor.userId, ...(actor.aadObjectId ? { aadObjectId: actor.aadObjectId } : {}) },
    recipient: { id: BOT_ID, name: 'Job shadowing' },
    conversation: {
      id: actor.conversationId,
      conversationType: 'personal',
      tenantId: actor.tenantId ?? TENANT_ID,
    },
    channelData: { tenant: { id: actor.tenantId ?? TENANT_ID } },
    deliveryMode: 'expectReplies',
    ...fields,
  };
}

export function message(actor: Actor, text: string): Record<string, unknown> {
  return activityFrom(actor, { type: 'message', text });
}

export function installation(actor: Actor): Record<string, unknown> {
  return activityFrom(actor, {
    type: 'conversationUpdate',
    membersAdded: [{ id: actor.userId }, { id: BOT_ID }],
  });
}

/** What Teams sends when an Action.Submit button is clicked. */
export function cardSubmit(actor: Actor, data: Record<string, unknown>): Record<string, unknown> {
  return activityFrom(actor, { type: 'message', value: data });
}

/** What Teams sends when an Action.Execute (Universal Action) button is clicked. */
export function cardExecute(
  actor: Actor,
  verb: string,
  data: Record<string, unknown>,
  serviceUrl?: string,
): Record<string, unknown> {
  return activityFrom(
    actor,
    {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      deliveryMode: 'normal',
    },
    serviceUrl,
  );
}
