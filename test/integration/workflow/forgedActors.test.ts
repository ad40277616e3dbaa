import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createServices, type Services } from '../../../src/app/services';
import { submitRequest } from '../../../src/app/submitRequest';
import { loadConfig } from '../../../src/config/config';
import { checkVisit } from '../../../src/domain/clash';
import { slotForDay } from '../../../src/domain/requestDialog/slotForDay';
import type { ShadowingRequest } from '../../../src/domain/requests';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { loadClashContext } from '../../../src/app/loadClashContext';
import { createLogger } from '../../../src/logging/logger';
import { startService, type RunningService } from '../../../src/main';
import { NOT_ON_SERVICE } from '../../../src/teams/cards/notOnServiceCard';
import { actorFor, cardExecute, type Actor } from '../../support/activities';
import { postActivity } from '../../support/http';
import { ADELE_OFFER, finishedDraft, personOf } from '../../support/workflowFixtures';

const megan = actorFor(DEMO_IDS.megan, 'megan-forged');
const alex = actorFor(DEMO_IDS.alex, 'alex-forged');
const isaiah = actorFor(DEMO_IDS.isaiah, 'isaiah-forged');
const lynne = actorFor(DEMO_IDS.lynne, 'lynne-forged');
const stranger = actorFor(randomUUID(), 'stranger-forged');

/**
 * Card actions over HTTP that carry a real request id but come from the wrong person, or carry
 * altered ids: each is refused in plain words, changes nothing, and leaves a line in the log.
 */
describe('forged and misdirected card actions', () => {
  let service: RunningService;
  let services: Services;
  let dataDir: string;
  let request: ShadowingRequest;
  const logLines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'forged-actors-'));
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => (
        logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>),
        done()
      ),
    });
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      SCHEDULER_INTERVAL_SECONDS: '0',
    });
    service = await startService(config, createLogger('info', sink));
    services = createServices(service.store);
    request = await submitForAlex(services);
  });
  afterAll(async () => {
    await service?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const execute = async (actor: Actor, data: Record<string, unknown>) => {
    const { status, body } = await postActivity(service.url, cardExecute(actor, 'decide', data));
    expect(status).toBe(200);
    return JSON.stringify((body as { value: unknown }).value);
  };
  const unchanged = async () => {
    const found = await services.requests.find(DEMO_IDS.alex, request.id);
    expect(found?.request.state).toBe('awaiting_manager');
    expect(found?.request.history).toHaveLength(1);
    expect(
      (await services.outbox.listForPerson(DEMO_IDS.adele)).filter((n) => n.requestId === request.id),
    ).toHaveLength(0);
    expect(
      (await services.outbox.listForPerson(DEMO_IDS.alex)).filter((n) => n.requestId === request.id),
    ).toHaveLength(0);
  };
  const loggedRefusal = (from: number) =>
    logLines.slice(from).filter((l) => String(l.msg).startsWith('decision refused'));

  it.each([
    ['another manager approving', isaiah, 'approve'],
    ['another manager declining', isaiah, 'decline_release'],
    ['another host accepting', lynne, 'accept'],
    ['the request’s own host acting before release', actorFor(DEMO_IDS.adele, 'adele-forged'), 'accept'],
    ['the visitor approving their own request', alex, 'approve'],
  ] as const)('refuses %s', async (_label, actor, action) => {
    const mark = logLines.length;
    const answer = await execute(actor, {
      action,
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
      reason: 'Because',
    });
    expect(answer).toMatch(/That is for someone else on this request to do|You cannot act on that request/);
    expect(answer).toContain('Nothing has been changed.');
    // Someone the request is not for learns nothing about it: not whose it is, why, or where it stands.
    if (actor !== alex)
      expect(answer).toBe(JSON.stringify('You cannot act on that request. Nothing has been changed.'));
    await unchanged();
    expect(loggedRefusal(mark)).toEqual([expect.objectContaining({ requestId: request.id, action })]);
    expect(JSON.stringify(loggedRefusal(mark))).not.toContain('Because');
  });

  it('refuses someone who is not in the directory', async () => {
    const mark = logLines.length;
    const answer = await execute(stranger, {
      action: 'approve',
      coverMethod: 'within_team',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    // The card pressed is replaced by one without buttons or anything of the request.
    expect(answer).toContain(NOT_ON_SERVICE);
    expect(answer).not.toContain('"verb"');
    await unchanged();
    expect(logLines.slice(mark).filter((l) => String(l.msg).startsWith('card button refused'))).toEqual([
      expect.objectContaining({ verb: 'decide', knownActor: false }),
    ]);
  });

  it.each([
    ['a visitor id changed to someone else', { visitorId: DEMO_IDS.lynne }, 'I could not find that request'],
    ['a request id changed to another one', { requestId: randomUUID() }, 'I could not find that request'],
    ['a request id that is not an id', { requestId: `${randomUUID()}' OR 1=1` }, 'nothing has been changed'],
    ['an action that is not a decision', { action: 'confirm_everything' }, 'nothing has been changed'],
    ['an over-long visitor id', { visitorId: 'x'.repeat(5000) }, 'nothing has been changed'],
  ])('refuses %s, even from the right manager', async (_label, tampered, expected) => {
    const mark = logLines.length;
    const answer = await execute(megan, {
      action: 'approve',
      coverMethod: 'within_team',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
      ...tampered,
    });
    expect(answer).toContain(expected);
    await unchanged();
    expect(loggedRefusal(mark)).toHaveLength(1);
  });

  it('still lets the right manager decide afterwards', async () => {
    const answer = await execute(megan, {
      action: 'approve',
      coverMethod: 'within_team',
      requestId: request.id,
      visitorId: DEMO_IDS.alex,
    });
    expect(answer).toContain('You approved the release.');
    expect((await services.requests.find(DEMO_IDS.alex, request.id))?.request.state).toBe('awaiting_host');
  });

  it.each([
    ['words', 'next Tuesday|lunchtime', 'That time could not be read.'],
    ['a time without an offset', '2031-03-25T09:00:00|2031-03-25T13:00:00', 'That time could not be read.'],
    ['a time that has passed', '2020-03-03T09:00:00Z|2020-03-03T13:00:00Z', 'That time has already passed.'],
    ['a Sunday, when the host offers nothing', 'SUNDAY', 'The host does not offer visits at'],
  ])(
    "refuses a proposed time given as %s on the host's card, which comes back to choose again",
    async (_label, slot, expected) => {
      const adele = actorFor(DEMO_IDS.adele, 'adele-forged');
      const before = await services.requests.find(DEMO_IDS.alex, request.id);
      const sunday = new Date(
        Date.parse(String(before?.request.start)) +
          ((7 - new Date(String(before?.request.start)).getUTCDay()) % 7 || 7) * 86_400_000,
      );
      const sundaySlot = `${sunday.toISOString().slice(0, 10)}T09:00:00.000Z|${sunday.toISOString().slice(0, 10)}T13:00:00.000Z`;
      const answer = await execute(adele, {
        action: 'propose_time',
        requestId: request.id,
        visitorId: DEMO_IDS.alex,
        slot: slot === 'SUNDAY' ? sundaySlot : slot,
      });
      expect(answer).toContain(expected);
      expect(answer).toContain('Propose the chosen time');
      expect(answer).not.toMatch(/went wrong|reference: /);
      expect((await services.requests.find(DEMO_IDS.alex, request.id))?.etag).toBe(before?.etag);
    },
  );
});

/** Alex asks for the first Tuesday or Thursday morning at least a week ahead on which Alex is free. */
async function submitForAlex(services: Services): Promise<ShadowingRequest> {
  const alexPerson = await personOf(services, DEMO_IDS.alex);
  const offer = (await services.offers.find(DEMO_IDS.adele, ADELE_OFFER))?.offer;
  if (!offer) throw new Error('the demo offer is missing');
  const now = new Date();
  for (let day = 7; day < 42; day += 1) {
    const date = new Date(now.getTime() + day * 86_400_000);
    if (![2, 4].includes(date.getUTCDay())) continue;
    const slot = slotForDay(date.toISOString().slice(0, 10), 'am');
    const context = await loadClashContext(services, alexPerson, offer, {
      from: new Date(slot.start),
      to: new Date(slot.end),
    });
    if (!checkVisit({ ...context, start: slot.start, end: slot.end }).ok) continue;
    const result = await submitRequest(services, alexPerson, finishedDraft(offer, slot, now), now);
    if (result.ok) return result.request;
  }
  throw new Error('Alex is never free for the discharge team in the demo rota');
}
