import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { CARD_VERBS } from '../../src/teams/cardPayloads';
import { COMMANDS } from '../../src/teams/commands';
import { OFFER_VERBS } from '../../src/teams/offerCardPayloads';
import { actorFor, activityFrom, type Actor } from '../support/activities';
import { BUSY_CONTAINERS, DOMAIN_CONTAINERS, snapshotContainers } from '../support/domainSnapshot';
import { startFakeConnector } from '../support/fakeConnector';
import { LEAKED_ERROR } from '../support/politeReply';
import { startTestService, type TestService } from '../support/startTestService';
import { countAnswer, countFigure } from '../support/faultFigures';

/**
 * Generated activities thrown at the real HTTP endpoint: malformed bodies, wrong types in every
 * field, oversized and deeply nested JSON, and forged card payloads for every button the bot
 * knows. The service must stay up, answer 4xx or a polite 2xx, and write nothing for any of it.
 */
type Json = Record<string, unknown>;

const ACTIVITY_FIELDS = [
  'type',
  'id',
  'channelId',
  'serviceUrl',
  'timestamp',
  'locale',
  'from',
  'recipient',
  'conversation',
  'channelData',
  'text',
  'value',
  'name',
  'deliveryMode',
  'entities',
  'attachments',
  'replyToId',
  'membersAdded',
] as const;
const PERSON_FIELDS = ['id', 'aadObjectId', 'name'] as const;
const DECISIONS = [
  'approve',
  'decline_release',
  'accept',
  'decline_visit',
  'propose_time',
  'accept_time',
  'reject_time',
  'cancel',
] as const;
const ALL_VERBS = [...CARD_VERBS, ...OFFER_VERBS, ...COMMANDS] as const;
/** Hosts are left out, so no generated click can legitimately change one of their offers. */
const ACTORS: Actor[] = [
  actorFor(DEMO_IDS.alex, 'alex-fuzz'),
  actorFor(DEMO_IDS.megan, 'megan-fuzz'),
  actorFor(DEMO_IDS.patti, 'patti-fuzz'),
  actorFor(randomUUID(), 'stranger-fuzz'),
  actorFor(undefined, 'anonymous-fuzz'),
];

const DEEP = 10_000;
const deepArray = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
const deepObject = `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`;

/** Any JSON-ish value, including the awkward ones: huge strings, nesting, odd numbers. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.anything({
    maxDepth: 4,
    withNullPrototype: false,
    withBigInt: false,
    withMap: false,
    withSet: false,
    withTypedArray: false,
    withSparseArray: false,
    withDate: false,
  }),
  fc.string({ maxLength: 40 }),
  fc.fullUnicodeString({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(10_000),
    '\u0000',
    '\ud800',
    '${requestId}',
    "' OR 1=1 --",
    '__proto__',
    'constructor',
    '../../etc/passwd',
    -1,
    0,
    1e308,
    Number.NaN,
    true,
    null,
    [],
    {},
  ),
);

/** Ids that point somewhere real, nowhere, or are not ids at all. */
const anId = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    ...Object.values(DEMO_IDS),
    'demo-offer-discharge-board-round',
    'x'.repeat(300),
    'a/b?c#d',
    '',
  ),
  anyValue,
);

function cardData(): fc.Arbitrary<Json> {
  return fc.record(
    {
      verb: fc.oneof(fc.constantFrom(...ALL_VERBS), anyValue),
      field: fc.oneof(
        fc.constantFrom(
          'what',
          'purpose',
          'objectives',
          'setting',
          'host',
          'date',
          'slot',
          'title',
          'sessions',
          'summary',
        ),
        anyValue,
      ),
      value: fc.oneof(anId, anyValue),
      answer: anyValue,
      word: fc.oneof(fc.constantFrom('back', 'cancel', 'start_over'), anyValue),
      requestId: anId,
      offerId: anId,
      extra: anyValue,
    },
    { requiredKeys: ['verb'] },
  );
}

function decideData(): fc.Arbitrary<Json> {
  return fc.record(
    {
      action: fc.oneof(fc.constantFrom(...DECISIONS), anyValue),
      requestId: anId,
      visitorId: anId,
      reason: anyValue,
      slot: fc.oneof(
        fc.constant('2030-01-01T09:00:00Z|2030-01-01T12:00:00Z'),
        fc.constant('2030-01-01T12:00:00Z|2030-01-01T09:00:00Z'),
        anyValue,
      ),
    },
    { requiredKeys: [] },
  );
}

describe('generated activities at the HTTP boundary', () => {
  let service: TestService;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let domainBefore: string;

  const postRaw = async (body: string) => {
    const response = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    countAnswer(response.status);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // Not JSON: scanned as text.
    }
    return { status: response.status, body: parsed, text };
  };
  const busy = () => snapshotContainers(service.store, BUSY_CONTAINERS);
  const stateDocs = async () => (await service.store.query('botstate')).length;

  /** One case: the answer is 4xx, or 2xx with nothing leaked; domain data never changes. */
  const expectHarmless = async (body: string, options: { refused?: boolean } = {}) => {
    const before = await busy();
    const states = await stateDocs();
    const answer = await postRaw(body);
    expect(answer.status).toBeLessThan(500);
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.status >= 300 && answer.status < 400).toBe(false);
    expect(answer.text).not.toMatch(LEAKED_ERROR);
    if (options.refused) expect(answer.status).toBeGreaterThanOrEqual(400);
    if (answer.status >= 400) expect(await stateDocs()).toBe(states);
    const after = await busy();
    countFigure('wrongStateChanges', after === before ? 0 : 1);
    expect(after).toBe(before);
    return answer;
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' });
    domainBefore = await snapshotContainers(service.store, DOMAIN_CONTAINERS);
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  const baseMessage = (actor: Actor, fields: Json = {}) =>
    activityFrom(actor, { type: 'message', text: 'hello', ...fields }, connector.url);
  const actor = fc.constantFrom(...ACTORS);
  /** A fresh chat per case, so one case's half-started conversation cannot steer the next. */
  const freshChat = (who: Actor): Actor => ({ ...who, conversationId: `a:fuzz-${randomUUID()}` });

  it('refuses bodies that are not JSON activities with 4xx', async () => {
    const notJson = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }).filter((text) => !/"type"/.test(text)),
      fc.constantFrom(
        '',
        '{',
        '{"type":"message"',
        'null',
        '[]',
        '"message"',
        '1e400',
        '{"type":"message","serviceUrl":',
      ),
    );
    await fc.assert(
      fc.asyncProperty(notJson, async (body) => void (await expectHarmless(body, { refused: true }))),
      { numRuns: 300 },
    );
  });

  it('refuses 10,000-level nested JSON as a body, and answers it harmlessly inside an activity', async () => {
    await expectHarmless(deepArray, { refused: true });
    await expectHarmless(deepObject, { refused: true });
    const who = freshChat(ACTORS[0] as Actor);
    const activity = JSON.stringify(
      baseMessage(who, { text: undefined, value: '@VALUE@', channelData: '@CHANNEL@' }),
    );
    await expectHarmless(activity.replace('"@VALUE@"', deepObject).replace('"@CHANNEL@"', deepArray));
    const invoke = JSON.stringify(
      activityFrom(
        who,
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'decide', data: '@DATA@' } },
          deliveryMode: 'normal',
        },
        connector.url,
      ),
    );
    await expectHarmless(invoke.replace('"@DATA@"', deepObject));
  });

  it('answers 413 to oversized bodies and writes nothing', async () => {
    const answer = await expectHarmless(
      JSON.stringify(
        baseMessage(ACTORS[0] as Actor, {
          value: { verb: 'draft_answer', field: 'purpose', answer: 'x'.repeat(300 * 1024) },
        }),
      ),
      { refused: true },
    );
    expect(answer.status).toBe(413);
  });

  it('answers every field of an activity replaced by a wrong-typed value with 4xx or a polite reply', async () => {
    const mutation = fc.record({
      who: actor,
      field: fc.constantFrom(...ACTIVITY_FIELDS),
      value: anyValue,
      invoke: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ who, field, value, invoke }) => {
        const chat = freshChat(who);
        const base = invoke
          ? activityFrom(
              chat,
              {
                type: 'invoke',
                name: 'adaptiveCard/action',
                value: { action: { type: 'Action.Execute', verb: 'decide', data: {} } },
                deliveryMode: 'normal',
              },
              connector.url,
            )
          : baseMessage(chat);
        const activity: Json = { ...base, [field]: loopbackOnly(field, value) };
        await expectHarmless(JSON.stringify(activity) ?? 'null');
      }),
      { numRuns: 500 },
    );
  });

  it('answers wrong-typed parts of the sender, recipient and conversation with 4xx or a polite reply', async () => {
    const mutation = fc.record({
      who: actor,
      part: fc.constantFrom('from', 'recipient', 'conversation'),
      field: fc.constantFrom(...PERSON_FIELDS, 'tenantId', 'conversationType'),
      value: anyValue,
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ who, part, field, value }) => {
        const activity = baseMessage(freshChat(who), { text: 'my requests' });
        const replaced = { ...activity, [part]: { ...(activity[part] as Json), [field]: value } };
        await expectHarmless(JSON.stringify(replaced));
      }),
      { numRuns: 250 },
    );
  });

  it('answers forged Action.Submit payloads for every verb with a polite reply and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(actor, cardData(), fc.boolean(), async (who, data, withText) => {
        const activity = baseMessage(freshChat(who), { text: withText ? '' : undefined, value: data });
        const answer = await expectHarmless(JSON.stringify(activity));
        expect(answer.status).toBe(200);
        expect(repliesOf(answer.body).length).toBeGreaterThan(0);
      }),
      { numRuns: 600 },
    );
  });

  it('answers forged Action.Execute invokes with a polite card or message and changes nothing', async () => {
    const verb = fc.oneof(fc.constant('decide'), fc.constantFrom(...ALL_VERBS), anyValue);
    const shape = fc.oneof(
      fc.record({
        action: fc.record({
          type: fc.constant('Action.Execute'),
          verb,
          data: fc.oneof(decideData(), anyValue),
        }),
        trigger: fc.constant('manual'),
      }),
      anyValue,
    );
    await fc.assert(
      fc.asyncProperty(
        actor,
        shape,
        fc.constantFrom('adaptiveCard/action', 'task/fetch', 'composeExtension/query', ''),
        async (who, value, name) => {
          const activity = activityFrom(
            freshChat(who),
            { type: 'invoke', name, value, deliveryMode: 'normal' },
            connector.url,
          );
          await expectHarmless(JSON.stringify(activity));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('answers a button with an unknown verb in place of the card, and refuses invokes the bot never asks for', async () => {
    const who = freshChat(ACTORS[0] as Actor);
    const unknown = await expectHarmless(
      JSON.stringify(
        activityFrom(
          who,
          {
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: { action: { type: 'Action.Execute', verb: 'delete_everything', data: {} } },
            deliveryMode: 'normal',
          },
          connector.url,
        ),
      ),
    );
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringContaining('I have not done anything'),
    });
    const other = await expectHarmless(
      JSON.stringify(
        activityFrom(
          who,
          { type: 'invoke', name: 'composeExtension/query', value: {}, deliveryMode: 'normal' },
          connector.url,
        ),
      ),
    );
    expect(other.status).toBe(400);
  });

  it('still answers /healthz with 200, and no organisation data changed in the whole run', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    const domainAfter = await snapshotContainers(service.store, DOMAIN_CONTAINERS);
    countFigure('wrongStateChanges', domainAfter === domainBefore ? 0 : 1);
    expect(domainAfter).toBe(domainBefore);
  });
});

/** A generated service URL must never send the bot off the machine: web addresses become the loopback connector's. */
function loopbackOnly(field: string, value: unknown): unknown {
  if (field !== 'serviceUrl' || typeof value !== 'string') return value;
  return /^https?:/i.test(value.trim()) ? 'http://127.0.0.1:9/' : value;
}

function repliesOf(body: unknown): unknown[] {
  const activities = (body as { activities?: unknown } | undefined)?.activities;
  return Array.isArray(activities) ? activities : [];
}
