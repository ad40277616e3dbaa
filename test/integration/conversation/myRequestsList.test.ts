import { createServices, type Services } from '../../../src/app/services';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { REQUEST_STATE_LABELS } from '../../../src/domain/requestStateLabels';
import type { RequestState, ShadowingRequest } from '../../../src/domain/requests';
import { OPEN_STATES } from '../../../src/domain/workflow/transitions';
import { decideAction } from '../../../src/teams/cards/decideAction';
import { actorFor, cardExecute, installation, message } from '../../support/activities';
import { postActivity, type BotReply } from '../../support/http';
import { freeMornings, requestInState } from '../../support/requestInState';
import { SERVICE_ON_EACH_STORE, type ServiceOnStore } from '../../support/serviceOnEachStore';

/** Every state a sent request can be in, each shown to its visitor in their own words. */
const STATES: readonly RequestState[] = [
  'awaiting_manager',
  'awaiting_host',
  'host_proposed_time',
  'confirmed',
  'completed',
  'no_show',
  'declined_by_manager',
  'declined_by_host',
  'cancelled',
  'expired',
];
/** More requests than "my requests" lists. */
const WRITTEN = 22;
const LISTED = 20;

interface Entry {
  purpose: string | undefined;
  status: string | undefined;
  /** The request a "Cancel this request" button names, if the entry has one. */
  cancels: string | undefined;
}

/**
 * "my requests" over HTTP on each store: the visitor's newest 20 requests, newest first, each with
 * its state in their words and a cancel button only while it is open; and, once someone else
 * changes one, the new state straight away.
 */
describe.each(SERVICE_ON_EACH_STORE)('"my requests" lists what the store holds ($name)', ({ start }) => {
  let running: ServiceOnStore;
  let services: Services;
  const written: ShadowingRequest[] = [];
  const alex = actorFor(DEMO_IDS.alex, 'alex-my-requests-list');
  const megan = actorFor(DEMO_IDS.megan, 'megan-my-requests-list');

  beforeAll(async () => {
    running = await start('my-requests-list');
    services = createServices(running.service.store);
    const now = new Date();
    const [free, other] = (await freeMornings(services, 2, now)) as [
      { start: string; end: string },
      { start: string; end: string },
    ];
    // Written in an order other than their age, so the list's order is the store's doing.
    for (const i of Array.from({ length: WRITTEN }, (_, n) => (n * 7) % WRITTEN)) {
      const state = STATES[i % STATES.length] as RequestState;
      const createdAt = new Date(now.getTime() + 86_400_000 + i * 60_000).toISOString();
      const slot = i === WRITTEN - 2 ? free : other;
      const request = {
        ...requestInState(state, slot, slot, now),
        purpose: `Purpose number ${i}`,
        createdAt,
        updatedAt: createdAt,
      };
      await services.requests.create(request);
      written.push(request);
    }
    await postActivity(running.service.url, installation(alex));
  });
  afterAll(async () => {
    await running?.stop();
  });

  const expected = (requests: readonly ShadowingRequest[]): Entry[] =>
    [...requests]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, LISTED)
      .map((r) => ({
        purpose: r.purpose,
        status: REQUEST_STATE_LABELS[r.state],
        cancels: OPEN_STATES.includes(r.state) ? r.id : undefined,
      }));

  const shown = async (): Promise<Entry[]> => {
    const { status, replies } = await postActivity(running.service.url, message(alex, 'my requests'));
    expect(status).toBe(200);
    return entriesOf(replies);
  };

  it('shows the newest 20, newest first, each in its state, with a cancel button only while open', async () => {
    const entries = await shown();
    expect(entries).toHaveLength(LISTED);
    expect(entries).toEqual(expected(written));
    expect(new Set(entries.map((e) => e.status))).toEqual(
      new Set(STATES.map((s) => REQUEST_STATE_LABELS[s])),
    );
  });

  it("shows the manager's approval at once", async () => {
    const waiting = written.find((r) => r.purpose === `Purpose number ${WRITTEN - 2}`) as ShadowingRequest;
    expect(waiting.state).toBe('awaiting_manager');
    const approve = decideAction('approve', 'approve', waiting).data as Record<string, unknown>;
    const decided = await postActivity(
      running.service.url,
      cardExecute(megan, 'decide', { ...approve, coverMethod: 'within_team' }),
    );
    expect(decided.status).toBe(200);
    const stored = await services.requests.find(waiting.visitorId, waiting.id);
    expect(stored?.request.state).toBe('awaiting_host');

    const now = written.map((r) => (r.id === waiting.id ? (stored?.request as ShadowingRequest) : r));
    const entries = await shown();
    expect(entries).toEqual(expected(now));
    expect(entries.find((e) => e.purpose === waiting.purpose)).toEqual({
      purpose: waiting.purpose,
      status: 'Waiting for the host',
      cancels: waiting.id,
    });
  });
});

/** The entries of the "Your requests" card among the replies, in the order shown. */
function entriesOf(replies: BotReply[]): Entry[] {
  const card = replies
    .flatMap((r) => r.attachments ?? [])
    .map((a) => a.content as { body?: Array<Record<string, unknown>> })
    .find((c) => c.body?.[0]?.text === 'Your requests');
  if (!card?.body) throw new Error('no "Your requests" card was shown');
  return card.body
    .filter((part) => part.type === 'Container')
    .map((part) => {
      const items = part.items as Array<Record<string, unknown>>;
      const texts = items.flatMap((item) =>
        ((item.inlines as Array<{ text: string }>) ?? []).map((t) => t.text),
      );
      const facts = (items.find((item) => item.type === 'FactSet')?.facts ?? []) as Array<{
        title: string;
        value: string;
      }>;
      const actions = (items.find((item) => item.type === 'ActionSet')?.actions ?? []) as Array<{
        data: { requestId?: string };
      }>;
      return {
        purpose: texts.find((t) => t.startsWith('Purpose number ')),
        status: facts.find((f) => f.title === 'Status')?.value,
        cancels: actions[0]?.data.requestId,
      };
    });
}
