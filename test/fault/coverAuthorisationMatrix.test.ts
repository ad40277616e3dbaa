import { createServices, type Services } from '../../src/app/services';
import { loadClashContext } from '../../src/app/loadClashContext';
import { checkVisit, summariseRelease, type ReleaseSummary } from '../../src/domain/clash';
import { decideOnCover } from '../../src/app/decideOnCover';
import { withRelease, type CoverAction } from '../../src/domain/cover/coverTransitions';
import type { CoverMethod, CoverStatus } from '../../src/domain/cover/coverMethods';
import type { HostOffer } from '../../src/domain/offers';
import type { Person } from '../../src/domain/people';
import { slotForDay } from '../../src/domain/requestDialog/slotForDay';
import type { RequestState, ShadowingRequest } from '../../src/domain/requests';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { cardExecute, installation } from '../support/activities';
import { startFakeConnector } from '../support/fakeConnector';
import { answerTo, MATRIX_SETTINGS, matrixRoles, placeRoles, type MatrixRole } from '../support/matrixRoles';
import {
  clearRequest,
  DISCHARGE_OFFER,
  relatedDocuments,
  requestInState,
  writeFollowUps,
} from '../support/requestInState';
import { startTestService, type TestService } from '../support/startTestService';

/**
 * Who may do what about cover, cell by cell: the rota coordinator's "Cover arranged" and "Cannot
 * cover", the manager's choice after cover failed (release without cover, or cancel the visit)
 * and the manager's choice of how cover is arranged when approving, pressed by every role. Only
 * the cells written out below change anything; everyone else learns nothing of the request.
 */
const ROLES = matrixRoles();
const ALL_ROLES = Object.keys(ROLES) as MatrixRole[];

/** Where a request's cover stands, on a request released for a morning of Alex's shift. */
const SITUATIONS = {
  pending: { state: 'awaiting_host', cover: 'pending' },
  pendingConfirmed: { state: 'confirmed', cover: 'pending' },
  failed: { state: 'awaiting_host', cover: 'failed' },
  failedConfirmed: { state: 'confirmed', cover: 'failed' },
  releasedWithoutCover: { state: 'confirmed', cover: 'failed', releasedWithoutCover: true },
  // A programme lead said cover cannot be arranged, then released Alex anyway.
  releasedByLead: { state: 'confirmed', cover: 'failed', releasedWithoutCover: true, byLead: true },
  arranged: { state: 'confirmed', cover: 'arranged' },
  pendingButCancelled: { state: 'cancelled', cover: 'pending' },
} satisfies Record<
  string,
  { state: RequestState; cover: CoverStatus; releasedWithoutCover?: true; byLead?: true }
>;
type Situation = keyof typeof SITUATIONS;
const ALL_SITUATIONS = Object.keys(SITUATIONS) as Situation[];

type CoverButton = 'cover_arranged' | 'cover_failed' | 'release_without_cover' | 'cancel_for_cover';
const REASON = 'No bank staff free that morning';

/** For each button: where it works, who may press it there, and what it leaves stored. Written by hand. */
const ALLOWED: Record<
  CoverButton,
  { situations: Situation[]; roles: MatrixRole[]; leaves: Partial<ShadowingRequest> }
> = {
  cover_arranged: {
    situations: ['pending', 'pendingConfirmed'],
    roles: ['coordinator', 'manager', 'lead'],
    leaves: { cover: 'arranged' },
  },
  cover_failed: {
    situations: ['pending', 'pendingConfirmed'],
    roles: ['coordinator', 'manager', 'lead'],
    leaves: { cover: 'failed', coverFailedReason: REASON },
  },
  release_without_cover: {
    situations: ['failed', 'failedConfirmed'],
    roles: ['manager', 'lead'],
    leaves: { cover: 'failed', releasedWithoutCover: true },
  },
  cancel_for_cover: {
    situations: ['failed', 'failedConfirmed'],
    roles: ['manager', 'lead'],
    leaves: { state: 'cancelled' },
  },
};

/**
 * Who may see what when they press: the manager and programme leads the request; the rota
 * coordinator the cover card only (who is away, which shift, the hours), never why or where; the
 * host, on the manager's cancel button, the request as host. Nobody else anything at all.
 */
const SEES_REQUEST: MatrixRole[] = ['visitor', 'manager', 'lead'];
/** Anything of the request: whose it is, what for, the team, its time, shift or cost. */
const ANY_DETAIL =
  /Alex|Wilber|discharge|board round|Adele|Vance|Acute Medicine|FY1|\d{1,2}:\d{2}|£|shift|cover (?:is|was|has)|arranged|waiting for|cancelled|confirmed/i;
/** What is not the coordinator's to know: why Alex is going, to whom, what to learn. */
const NOT_FOR_COORDINATOR =
  /understand why discharges|See a board round|discharge team|Discharge board round|Adele|Vance/i;
const REFUSED =
  /nothing has been changed|changed nothing|for the manager to decide|does not serve your organisation|can't find you in the staff directory/i;

/** A morning Alex could shadow Adele's team that takes him off his shift: cover is needed. */
async function workMorning(
  services: Services,
  now: Date,
): Promise<{ slot: { start: string; end: string }; release: ReleaseSummary }> {
  const alex = (await services.people.findById(DEMO_IDS.alex)) as Person;
  const offer = (await services.offers.find(DEMO_IDS.adele, DISCHARGE_OFFER))?.offer as HostOffer;
  for (let day = 7; day < 70; day += 1) {
    const date = new Date(now.getTime() + day * 86_400_000);
    if (![2, 4].includes(date.getUTCDay())) continue;
    const slot = slotForDay(date.toISOString().slice(0, 10), 'am');
    const context = await loadClashContext(services, alex, offer, {
      from: new Date(slot.start),
      to: new Date(slot.end),
    });
    const report = checkVisit({ ...context, heldBookings: [], start: slot.start, end: slot.end });
    const release = summariseRelease(report.release);
    if (report.ok && release.coverHours > 0) return { slot, release };
  }
  throw new Error('Alex has no morning on shift that the discharge team offers');
}

describe('the cover authorisation matrix: every cover button x every role, over HTTP', () => {
  let service: TestService;
  let services: Services;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let slot: { start: string; end: string };
  let release: ReleaseSummary;

  beforeAll(async () => {
    connector = await startFakeConnector();
    service = await startTestService(MATRIX_SETTINGS);
    services = createServices(service.store);
    await placeRoles(ROLES, services);
    // Miriam has the bot installed, so cover handed to her stays with her.
    await answerTo(service.url, 'coordinator', {
      ...installation(ROLES.coordinator),
      serviceUrl: connector.url,
    });
    ({ slot, release } = await workMorning(services, new Date()));
  });
  afterAll(async () => {
    await service?.stop();
    await connector?.stop();
  });

  /**
   * Alex's request in a situation, reached as people would reach it: Megan hands cover to Miriam
   * on approval, then Miriam and Megan decide through the same use case the buttons call, so the
   * messages each decision queues are there too.
   */
  const requestIn = async (situation: Situation): Promise<ShadowingRequest> => {
    const { state, cover, ...rest } = SITUATIONS[situation] as (typeof SITUATIONS)[Situation] & {
      releasedWithoutCover?: true;
      byLead?: true;
    };
    const base = withRelease(requestInState(state, slot, slot, new Date()), release);
    const request: ShadowingRequest = {
      ...base,
      cover: 'pending',
      coverMethod: 'rota_coordinator',
      coverArrangerId: DEMO_IDS.miriam,
      coverHistory: [{ to: 'pending', by: DEMO_IDS.megan, at: base.createdAt }],
    };
    await services.requests.create(request);
    await writeFollowUps(services, request);
    const decide = async (id: string, action: CoverAction, reason?: string) => {
      const who = (await services.people.findById(id)) as Person;
      const decided = await decideOnCover(
        services,
        who,
        request.visitorId,
        request.id,
        action,
        reason,
        new Date(),
      );
      if (!decided.ok) throw new Error(`${situation}: ${decided.refusal}`);
    };
    if (cover === 'arranged') await decide(DEMO_IDS.miriam, 'cover_arranged');
    const [arranger, manager] = rest.byLead
      ? [DEMO_IDS.patti, DEMO_IDS.patti]
      : [DEMO_IDS.miriam, DEMO_IDS.megan];
    if (cover === 'failed') await decide(arranger, 'cover_failed', 'Short on the ward that day');
    if (rest.releasedWithoutCover) await decide(manager, 'release_without_cover');
    return request;
  };

  const press = async (role: MatrixRole, button: CoverButton, request: ShadowingRequest) => {
    const [verb, data] =
      button === 'cancel_for_cover'
        ? ['decide', { action: button, requestId: request.id, visitorId: request.visitorId }]
        : ['cover', { action: button, requestId: request.id, visitorId: request.visitorId, reason: REASON }];
    const { body } = await answerTo(service.url, role, cardExecute(ROLES[role], verb, data, connector.url));
    return JSON.stringify(body);
  };
  const stored = async (request: ShadowingRequest) => {
    const found = await services.requests.find(request.visitorId, request.id);
    return found && { etag: found.etag, doc: found.request };
  };

  it.each(Object.keys(ALLOWED) as CoverButton[])(
    'lets only the allowed cells change anything: %s',
    async (button) => {
      const rule = ALLOWED[button];
      const allowedCells: string[] = [];
      for (const role of ALL_ROLES) {
        for (const situation of ALL_SITUATIONS) {
          const cell = `${role} ${button} on ${situation}`;
          const request = await requestIn(situation);
          const before = await stored(request);
          const related = await relatedDocuments(service.store, request);
          const answer = await press(role, button, request);
          const after = await stored(request);

          const hostSees = button === 'cancel_for_cover' && role === 'host';
          if (role === 'coordinator')
            expect({ cell, answer }).toEqual({
              cell,
              answer: expect.not.stringMatching(NOT_FOR_COORDINATOR),
            });
          else if (!SEES_REQUEST.includes(role) && !hostSees)
            expect({ cell, answer }).toEqual({ cell, answer: expect.not.stringMatching(ANY_DETAIL) });

          if (rule.situations.includes(situation) && rule.roles.includes(role)) {
            allowedCells.push(cell);
            expect({ cell, after: after?.doc }).toEqual({
              cell,
              after: expect.objectContaining(rule.leaves),
            });
            const by = ROLES[role].aadObjectId;
            const trail = button === 'cancel_for_cover' ? after?.doc.history : after?.doc.coverHistory;
            expect({ cell, by: trail?.at(-1)?.by }).toEqual({ cell, by });
            // The coordinator is shown the cover card, in their own words.
            if (role === 'coordinator')
              expect({ cell, answer }).toEqual({ cell, answer: expect.stringContaining('Alex Wilber') });
            // The same click again changes nothing more.
            const again = await press(role, button, request);
            expect({ cell, again }).toEqual({ cell, again: expect.stringMatching(REFUSED) });
            expect((await stored(request))?.etag).toBe(after?.etag);
          } else {
            expect({ cell, etag: after?.etag, doc: after?.doc }).toEqual({
              cell,
              etag: before?.etag,
              doc: before?.doc,
            });
            expect({ cell, related: await relatedDocuments(service.store, request) }).toEqual({
              cell,
              related,
            });
            expect({ cell, answer }).toEqual({ cell, answer: expect.stringMatching(REFUSED) });
          }
          await clearRequest(service.store, request);
        }
      }
      expect(allowedCells).toHaveLength(rule.roles.length * rule.situations.length);
    },
  );

  /** How the manager's approval leaves cover, for each choice on the card. Written by hand. */
  const APPROVED_WITH: Record<CoverMethod, Partial<ShadowingRequest>> = {
    not_needed: { cover: 'not_needed', coverMethod: 'not_needed' },
    within_team: { cover: 'arranged', coverMethod: 'within_team' },
    bank_or_locum: { cover: 'pending', coverMethod: 'bank_or_locum' },
    rota_coordinator: { cover: 'pending', coverMethod: 'rota_coordinator', coverArrangerId: DEMO_IDS.miriam },
  };

  it('lets only the manager and programme leads choose how cover is arranged, and only with a choice', async () => {
    const allowedCells: string[] = [];
    for (const role of ALL_ROLES) {
      for (const method of [...(Object.keys(APPROVED_WITH) as CoverMethod[]), undefined]) {
        const cell = `${role} approve with ${method ?? 'no cover choice'}`;
        const request = withRelease(requestInState('awaiting_manager', slot, slot, new Date()), release);
        await services.requests.create(request);
        await writeFollowUps(services, request);
        const before = await stored(request);
        const related = await relatedDocuments(service.store, request);
        const data = {
          action: 'approve',
          requestId: request.id,
          visitorId: request.visitorId,
          ...(method ? { coverMethod: method } : {}),
        };
        const { body } = await answerTo(
          service.url,
          role,
          cardExecute(ROLES[role], 'decide', data, connector.url),
        );
        const answer = JSON.stringify(body);
        const after = await stored(request);
        if (!SEES_REQUEST.includes(role))
          expect({ cell, answer }).toEqual({ cell, answer: expect.not.stringMatching(ANY_DETAIL) });

        if (method && (role === 'manager' || role === 'lead')) {
          allowedCells.push(cell);
          expect({ cell, after: after?.doc }).toEqual({
            cell,
            after: expect.objectContaining({ state: 'awaiting_host', ...APPROVED_WITH[method] }),
          });
          const handedOver = (await services.outbox.listForPerson(DEMO_IDS.miriam)).filter(
            (n) => n.requestId === request.id,
          );
          expect({ cell, toMiriam: handedOver.map((n) => n.kind) }).toEqual({
            cell,
            toMiriam: method === 'rota_coordinator' ? ['cover_needed'] : [],
          });
        } else {
          expect({ cell, etag: after?.etag, doc: after?.doc }).toEqual({
            cell,
            etag: before?.etag,
            doc: before?.doc,
          });
          expect({ cell, related: await relatedDocuments(service.store, request) }).toEqual({
            cell,
            related,
          });
          if (role === 'manager' || role === 'lead')
            expect({ cell, answer }).toEqual({
              cell,
              answer: expect.stringContaining('Please choose how the shift will be covered'),
            });
          else expect({ cell, answer }).toEqual({ cell, answer: expect.stringMatching(REFUSED) });
        }
        await clearRequest(service.store, request);
      }
    }
    expect(allowedCells).toHaveLength(2 * Object.keys(APPROVED_WITH).length);
  });
});
