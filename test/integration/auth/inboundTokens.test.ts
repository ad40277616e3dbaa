import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/config';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { createLogger } from '../../../src/logging/logger';
import { startService, type RunningService } from '../../../src/main';
import { actorFor, message, TENANT_ID, type Actor } from '../../support/activities';
import { startBotTokenIssuer, type BotTokenIssuer, type TokenClaims } from '../../support/botTokenIssuer';
import { allText, type BotReply } from '../../support/http';

const APP_ID = '6a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const OTHER_TENANT = '7d7d7d7d-0000-4000-8000-00000000c003';

interface Answer {
  status: number;
  replies: BotReply[];
}

/** POST /api/messages with an optional bearer token; the bot answers in the response (expectReplies). */
async function post(
  service: RunningService,
  activity: Record<string, unknown>,
  token?: string,
): Promise<Answer> {
  const response = await fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as { activities?: BotReply[] }) : {};
  return { status: response.status, replies: body.activities ?? [] };
}

describe('inbound Bot Framework tokens over HTTP, with a tenant allow-list', () => {
  let issuer: BotTokenIssuer;
  let service: RunningService;
  let dataDir: string;
  let labels = 0;

  /** A fresh Teams user per test, so what each request left behind can be told apart. */
  const newActor = (): Actor => actorFor(DEMO_IDS.alex, `auth-${++labels}`);
  const claimsFor = (activity: Record<string, unknown>, extra: TokenClaims = {}): TokenClaims => ({
    aud: APP_ID,
    serviceurl: activity.serviceUrl as string,
    ...extra,
  });

  /** The bot state documents a turn from this actor would have written (user and conversation scopes). */
  async function stateLeftBy(actor: Actor): Promise<string[]> {
    const docs = await service.store.query<{ id: string; key: string }>('botstate');
    return docs
      .map((doc) => doc.key)
      .filter((key) => key.includes(actor.userId) || key.includes(actor.conversationId));
  }

  async function expectRefused(actor: Actor, answer: Answer, status: number): Promise<void> {
    expect(answer.status).toBe(status);
    expect(answer.replies).toEqual([]);
    expect(await stateLeftBy(actor)).toEqual([]);
  }

  beforeAll(async () => {
    // The token library reports each bad token on the console; the bot's own log says why.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    issuer = await startBotTokenIssuer();
    dataDir = mkdtempSync(path.join(tmpdir(), 'shadowing-auth-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      SCHEDULER_INTERVAL_SECONDS: '0',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'never-sent-anywhere',
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
      ALLOWED_TENANT_IDS: ` ${TENANT_ID} , 5e5e5e5e-0000-4000-8000-00000000d004 `,
    });
    expect(config.localMode).toBe(false);
    service = await startService(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), {
      adapter: { openIdMetadataUrl: issuer.metadataUrl },
    });
  });

  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('answers an activity whose token is signed by the published key, for this bot, from the channel', async () => {
    const actor = newActor();
    const activity = message(actor, 'help');
    const answer = await post(service, activity, issuer.sign(claimsFor(activity)));
    expect(answer.status).toBe(200);
    expect(allText(answer.replies)).toContain('Hello Alex');
    expect(await stateLeftBy(actor)).not.toEqual([]);
    expect(issuer.requests).toContain('/keys');
  });

  it('refuses an activity without a token: 401, no reply, nothing stored', async () => {
    const actor = newActor();
    await expectRefused(actor, await post(service, message(actor, 'help')), 401);
  });

  it('refuses a token that is not a bearer token, or is not a token at all', async () => {
    const actor = newActor();
    const activity = message(actor, 'help');
    await expectRefused(actor, await post(service, activity, 'not-a-jwt'), 401);
    const basic = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('bot:secret').toString('base64')}`,
      },
      body: JSON.stringify(activity),
    });
    expect(basic.status).toBe(401);
    expect(await stateLeftBy(actor)).toEqual([]);
  });

  it('refuses an expired token', async () => {
    const actor = newActor();
    const activity = message(actor, 'help');
    // Beyond the five minutes of clock skew the Bot Framework allows.
    await expectRefused(
      actor,
      await post(service, activity, issuer.sign(claimsFor(activity, { expiresIn: -600 }))),
      401,
    );
  });

  it('refuses a token for another bot (wrong audience)', async () => {
    const actor = newActor();
    const activity = message(actor, 'help');
    const token = issuer.sign(claimsFor(activity, { aud: '0b0b0b0b-0000-4000-8000-00000000e005' }));
    await expectRefused(actor, await post(service, activity, token), 401);
  });

  it('refuses a token from an issuer other than the Bot Framework channel', async () => {
    const actor = newActor();
    const activity = message(actor, 'help');
    const token = issuer.sign(
      claimsFor(activity, { iss: 'https://login.example.net/not-the-bot-framework' }),
    );
    await expectRefused(actor, await post(service, activity, token), 401);
  });

  it('refuses a token issued for another service URL', async () => {
    const actor = newActor();
    const activity = message(actor, 'help');
    const token = issuer.sign(claimsFor(activity, { serviceurl: 'https://smba.example.net/elsewhere/' }));
    await expectRefused(actor, await post(service, activity, token), 401);
  });

  it('refuses an unsigned token (alg none) that names the published key', async () => {
    const actor = newActor();
    const activity = message(actor, 'help');
    await expectRefused(actor, await post(service, activity, issuer.unsigned(claimsFor(activity))), 401);
  });

  it('refuses a token signed with a key that is not published (a forgery)', async () => {
    const actor = newActor();
    const activity = message(actor, 'help');
    await expectRefused(
      actor,
      await post(service, activity, issuer.signWithUnknownKey(claimsFor(activity))),
      401,
    );
  });

  it('refuses a properly signed activity from a tenant that is not on the allow-list: 403', async () => {
    const actor = newActor();
    const activity = message(actor, 'help');
    activity.channelData = { tenant: { id: OTHER_TENANT } };
    activity.conversation = { ...(activity.conversation as object), tenantId: OTHER_TENANT };
    await expectRefused(actor, await post(service, activity, issuer.sign(claimsFor(activity))), 403);
  });

  it('refuses a properly signed activity that names no tenant while an allow-list is set', async () => {
    const actor = newActor();
    const activity = message(actor, 'help');
    delete activity.channelData;
    activity.conversation = { id: actor.conversationId, conversationType: 'personal' };
    await expectRefused(actor, await post(service, activity, issuer.sign(claimsFor(activity))), 403);
  });
});
