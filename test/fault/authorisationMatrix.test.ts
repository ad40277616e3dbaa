import { randomUUID } from 'node:crypto';
import type { ReleaseSummary } from '../../src/domain/clash';
import { releaseChanged, withRelease } from '../../src/domain/cover/coverTransitions';
import { releaseForVisit } from '../../src/domain/cover/releaseForVisit';
import { createServices, type Services } from '../../src/app/services';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { REQUEST_STATES, type RequestState, type ShadowingRequest } from '../../src/domain/requests';
import { COMMANDS } from '../../src/teams/commands';
import { cardExecute, cardSubmit, type Actor } from '../support/activities';
import { BUSY_CONTAINERS, snapshotContainers } from '../support/domainSnapshot';
import { startFakeConnector } from '../support/fakeConnector';
import { allText, postActivity } from '../support/http';
import {
  clearRequest,
  DISCHARGE_OFFER,
  freeMornings,
  relatedDocuments,
  requestInState,
  writeFollowUps,
} from '../support/requestInState';
import { startTestService, type TestService } from '../support/startTestService';
import { countFigure } from '../support/faultFigures';
import { answerTo, MATRIX_SETTINGS, matrixRoles, placeRoles, type MatrixRole } from '../support/matrixRoles';

/**
 * Who may do what, cell by cell: every decision button and the cancel button, pressed by every
 * role, on a request in every state. Only the cells the workflow rules allow change anything, and
 * those change it exactly once. The table below is written out by hand from the rules, on purpose
 * not computed from them.
 */
const ROLES = matrixRoles();
type Role = MatrixRole;

type Button =
  | 'approve'
  | 'decline_release'
  | 'accept'
  | 'decline_visit'
  | 'propose_time'
  | 'accept_time'
  | 'reject_time'
  | 'cancel'
  | 'cancel_request';
const OPEN: RequestState[] = ['awaiting_manager', 'awaiting_host', 'host_proposed_time', 'confirmed'];

/** For each button: the states it works in, who may press it there, and where the request ends up. */
const ALLOWED: Record<
  Button,
  { states: RequestState[]; roles: Role[]; to: RequestState; except?: Array<[Role, RequestState]> }
> = {
  approve: { states: ['awaiting_manager'], roles: ['manager', 'lead'], to: 'awaiting_host' },
  decline_release: { states: ['awaiting_manager'], roles: ['manager', 'lead'], to: 'declined_by_manager' },
  accept: { states: ['awaiting_host'], roles: ['host'], to: 'confirmed' },
  decline_visit: { states: ['awaiting_host'], roles: ['host'], to: 'declined_by_host' },
  propose_time: { states: ['awaiting_host'], roles: ['host'], to: 'host_proposed_time' },
  accept_time: { states: ['host_proposed_time'], roles: ['visitor'], to: 'awaiting_host' },
  reject_time: { states: ['host_proposed_time'], roles: ['visitor'], to: 'cancelled' },
  // The host hears of a request only once the manager has released the visitor.
  cancel: {
    states: OPEN,
    roles: ['visitor', 'host', 'lead'],
    to: 'cancelled',
    except: [['host', 'awaiting_manager']],
  },
  // "Cancel request" on "my requests" looks only among the clicker's own requests.
  cancel_request: { states: OPEN, roles: ['visitor'], to: 'cancelled' },
};

/**
 * Who may see the request in each state, written out by hand: its visitor, their line manager
 * and programme leads always; its host once the manager has released the visitor (before that
 * the host has not been told of it). Everyone else learns only that they cannot act on it.
 */
const HOST_TOLD: RequestState[] = [
  'awaiting_host',
  'host_proposed_time',
  'confirmed',
  'completed',
  'no_show',
  'declined_by_host',
];
const SEES: Record<Role, (state: RequestState) => boolean> = {
  visitor: () => true,
  manager: () => true,
  lead: () => true,
  host: (state) => HOST_TOLD.includes(state),
  otherManager: () => false,
  otherHost: () => false,
  // The rota coordinator sees cover cards, never the request (coverAuthorisationMatrix).
  coordinator: () => false,
  otherCoordinator: () => false,
  directoryStranger: () => false,
  unknown: () => false,
  otherTenant: () => false,
};
/** Anything that would tell someone about the request: whose it is, why, where, when, where it stands, its cost. */
const REQUEST_DETAILS =
  /Alex|Wilber|discharge|board round|Adele|Vance|Acute Medicine|\d{1,2}:\d{2}|£|shift|shadowing request|waiting for|declined|cancelled|confirmed|expired|no longer be done/i;
/** Words meant for the visitor only, and the words others see a visitor's request by. */
const VISITOR_WORDS =
  /Your shadowing request|Waiting for your manager|Not approved by your manager|could not release you/;
const OTHERS_WORDS = /Alex Wilber's shadowing request/;

const BUTTONS = Object.keys(ALLOWED) as Button[];
const CELLS = (Object.keys(ROLES) as Role[]).flatMap((role) =>
  BUTTONS.flatMap((button) => REQUEST_STATES.map((state) => ({ role, button, state }))),
);

describe('the authorisation matrix: every button x every role x every state, over HTTP', () => {
  let service: TestService;
  let services: Services;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let slot: { start: string; end: string };
  let proposed: { start: string; end: string };
  // What each time takes Alex away from: a new time that changes it goes back to the manager.
  let slotRelease: ReleaseSummary;
  let proposedRelease: ReleaseSummary;

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService(MATRIX_SETTINGS);
    services = createServices(service.store);
    await placeRoles(ROLES, services);
    [slot, proposed] = (await freeMornings(services, 2, new Date())) as [typeof slot, typeof proposed];
    const releaseOf = async (time: typeof slot) =>
      releaseForVisit(
        await services.rota.shiftsBetween(DEMO_IDS.alex, new Date(time.start), new Date(time.end)),
        time.start,
        time.end,
      );
    [slotRelease, proposedRelease] = [await releaseOf(slot), await releaseOf(proposed)];
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  const press = async (role: Role, button: Button, request: ShadowingRequest): Promise<string> => {
    const actor = ROLES[role];
    if (button === 'cancel_request') {
      const { replies, body } = await answerTo(service.url, role, {
        ...cardSubmit(actor, { verb: 'cancel_request', requestId: request.id }),
        serviceUrl: connector.url,
      });
      return role === 'otherTenant' ? JSON.stringify(body) : allText(replies);
    }
    const data = {
      action: button,
      requestId: request.id,
      visitorId: request.visitorId,
      reason: 'Not this time',
      declineCategory: 'timing',
      coverMethod: 'within_team',
      slot: `${proposed.start}|${proposed.end}`,
    };
    const { body } = await answerTo(service.url, role, cardExecute(actor, 'decide', data, connector.url));
    return JSON.stringify(body);
  };
  const stored = async (request: ShadowingRequest) =>
    service.store.read('requests', request.id, request.visitorId);

  it.each(BUTTONS)('lets only the allowed cells change anything: %s', async (button) => {
    const allowedCells: string[] = [];
    for (const { role, state } of CELLS.filter((cell) => cell.button === button)) {
      const request = withRelease(requestInState(state, slot, proposed, new Date()), slotRelease);
      await services.requests.create(request);
      await writeFollowUps(services, request);
      const before = await stored(request);
      const related = await relatedDocuments(service.store, request);
      const answer = await press(role, button, request);
      const after = await stored(request);
      const rule = ALLOWED[button];
      const cell = `${role} ${button} on ${state}`;
      // What the answer shows: the request, in the clicker's own words, or nothing about it at all.
      if (button !== 'cancel_request') {
        if (!SEES[role](state))
          expect({ cell, answer }).toEqual({ cell, answer: expect.not.stringMatching(REQUEST_DETAILS) });
        else {
          expect({ cell, answer }).toEqual({
            cell,
            answer: expect.stringContaining('understand why discharges'),
          });
          expect({ cell, answer }).toEqual({
            cell,
            answer: expect.not.stringMatching(role === 'visitor' ? OTHERS_WORDS : VISITOR_WORDS),
          });
        }
      } else if (role !== 'visitor')
        // Their own list of requests (the demo gives some people past visits of their own, some to
        // the discharge team too), nothing of Alex's: not his name, nor what his request is for.
        expect({ cell, answer }).toEqual({
          cell,
          answer: expect.not.stringMatching(/Alex|Wilber|understand why discharges|See a board round/i),
        });
      const excepted = (rule.except ?? []).some(([r, s]) => r === role && s === state);
      if (rule.states.includes(state) && rule.roles.includes(role) && !excepted) {
        allowedCells.push(cell);
        const to =
          button === 'accept_time' && releaseChanged(request, proposedRelease) ? 'awaiting_manager' : rule.to;
        expect({ cell, state: after?.doc.state }).toEqual({ cell, state: to });
        expect(after?.doc.history).toHaveLength(request.history.length + 1);
        expect((after?.doc.history as Array<{ by: string }>).at(-1)?.by).toBe(ROLES[role].aadObjectId);
        // The same click again changes nothing more (a second Cancel: there is nothing to cancel).
        const again = await press(role, button, request);
        expect(again).toMatch(/can no longer be done|could not find|changed nothing|nothing to cancel/i);
        expect((await stored(request))?.etag).toBe(after?.etag);
      } else {
        expect({ cell, etag: after?.etag, doc: after?.doc }).toEqual({
          cell,
          etag: before?.etag,
          doc: before?.doc,
        });
        expect({ cell, related: await relatedDocuments(service.store, request) }).toEqual({ cell, related });
        expect(answer).toMatch(
          /nothing has been changed|could not find that request|not changed anything|no longer be done|not in the staff directory|can't find you in the staff directory|does not serve your organisation/i,
        );
      }
      await clearRequest(service.store, request);
    }
    const expected =
      ALLOWED[button].roles.length * ALLOWED[button].states.length - (ALLOWED[button].except?.length ?? 0);
    expect(allowedCells).toHaveLength(expected);
  });

  it('changes nothing when anyone uses any command, whatever state a request is in', async () => {
    for (const state of REQUEST_STATES) {
      const request = requestInState(state, slot, proposed, new Date());
      await services.requests.create(request);
      const before = await snapshotContainers(service.store, BUSY_CONTAINERS);
      for (const role of Object.keys(ROLES) as Role[]) {
        // Every command once; in the other states the ones that show data.
        for (const command of state === 'awaiting_manager'
          ? COMMANDS
          : (['my_requests', 'my_offers'] as const)) {
          const chat: Actor = { ...ROLES[role], conversationId: `a:matrix-${randomUUID()}` };
          const { replies } = await answerTo(service.url, role, {
            ...cardSubmit(chat, { verb: command }),
            serviceUrl: connector.url,
          });
          // Only the visitor's own list shows the request.
          if (command === 'my_requests' && role !== 'visitor')
            expect(allText(replies)).not.toContain('understand why discharges');
        }
      }
      const after = await snapshotContainers(service.store, BUSY_CONTAINERS);
      countFigure('wrongStateChanges', after === before ? 0 : 1);
      expect(after).toBe(before);
      await clearRequest(service.store, request);
    }
  });

  it("refuses to pause, resume or change another host's offer, and lets its host", async () => {
    const offer = async () => service.store.read('offers', DISCHARGE_OFFER, DEMO_IDS.adele);
    const original = await offer();
    for (const role of Object.keys(ROLES) as Role[]) {
      if (role === 'host') continue;
      for (const verb of ['offer_pause', 'offer_resume', 'offer_change']) {
        const { replies, body } = await answerTo(service.url, role, {
          ...cardSubmit(ROLES[role], { verb, offerId: DISCHARGE_OFFER }),
          serviceUrl: connector.url,
        });
        expect(role === 'otherTenant' ? JSON.stringify(body) : allText(replies)).toMatch(
          /could not find that offer among yours|can't find you in the staff directory|does not serve your organisation/,
        );
        expect((await offer())?.etag).toBe(original?.etag);
      }
    }
    const host = ROLES.host;
    expect(
      allText(
        (await postActivity(service.url, cardSubmit(host, { verb: 'offer_pause', offerId: DISCHARGE_OFFER })))
          .replies,
      ),
    ).toContain('Paused.');
    expect((await offer())?.doc.status).toBe('paused');
    expect(
      allText(
        (
          await postActivity(
            service.url,
            cardSubmit(host, { verb: 'offer_resume', offerId: DISCHARGE_OFFER }),
          )
        ).replies,
      ),
    ).toContain('Resumed.');
    expect((await offer())?.doc.status).toBe('active');
  });
});
