import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { RequestView } from '../../../src/app/describeRequest';
import { buildDigest } from '../../../src/domain/digest/buildDigest';
import { buildReport } from '../../../src/domain/digest/buildReport';
import type { DigestContent } from '../../../src/domain/digest/digestTypes';
import { OFFER_STEPS, startOfferDraft, startOfferEdit } from '../../../src/domain/offerDialog/offerDraft';
import type { HostOffer } from '../../../src/domain/offers';
import type { Person } from '../../../src/domain/people';
import { parseWhen } from '../../../src/domain/requestDialog/parseWhen';
import {
  DRAFT_STEPS,
  type HostOption,
  type RequestDraft,
  type SlotOption,
} from '../../../src/domain/requestDialog/draft';
import { OPEN_STATES } from '../../../src/domain/workflow/transitions';
import type { ShadowingRequest } from '../../../src/domain/requests';
import type { AdaptiveCardJson } from '../../../src/teams/cards/cardTypes';
import { returnVisitButton } from '../../../src/teams/cards/returnVisitInviteCard';
import { estimateCover } from '../../../src/domain/cover/coverMethods';
import { rateFor } from '../../../src/domain/cover/coverRates';
import { DEFAULT_COVER_RATES } from '../../../src/domain/cover/defaultCoverRates';
import { auditCard, exampleProblems } from '../../support/cardAudit';
import { NOW as DIGEST_NOW, WEEK, world } from '../../support/digestFixtures';

/**
 * Every card the bot sends, built with ordinary and with hostile data on several days of the year,
 * read by the adaptivecards parser at schema 1.5 and checked for what people need from a card:
 * every input labelled, every image described, no meaning in colour alone, no long text without
 * a heading, and examples of dates that are never in the past. Card modules are found in
 * src/teams/cards, so a card added later fails here until it has samples below.
 */
type Builder = (data: Sample) => AdaptiveCardJson[];
type Sample = ReturnType<typeof sampleFor>;

const CARDS_FOLDER = path.join(__dirname, '../../../src/teams/cards');
const TODAYS = [
  '2026-12-06T10:00:00Z',
  '2027-03-04T09:00:00Z',
  '2027-06-30T22:30:00Z',
  '2027-10-31T12:00:00Z',
];
const HOSTILE = `**bold** [link](https://evil.example) ![img](https://evil.example/x.png) <b>x</b> ${'word '.repeat(400)}`;

const SAMPLES: Record<string, Builder> = {
  createCheckInCard: (d) => [createCheckInCard(d.view, 'visitor'), createCheckInCard(d.view, 'host')],
  createConfirmationCard: (d) => [
    createConfirmationCard(d.view),
    createConfirmationCard(d.view, { dayBefore: true }),
  ],
  createCpdRecordCard: (d) => [
    createCpdRecordCard(d.view, `# CPD\n${d.text}`),
    createCpdRecordCard(d.view, d.text, { thanks: true }),
  ],
  createDigestCard: (d) => d.digests.map((digest) => createDigestCard(digest)),
  createEraseDataCard: () => [createEraseDataCard()],
  createEraseAnsweredCard: (d) => [createEraseAnsweredCard('Your data has been deleted', d.text)],
  createFollowUpCard: (d) => [
    createFollowUpCard(d.view),
    createFollowUpCard(d.view, { problem: d.text, previous: { changed: d.text } }),
  ],
  createHelpCard: () => [createHelpCard()],
  createHostOutcomeCard: (d) => [
    createHostOutcomeCard(d.view),
    createHostOutcomeCard(d.view, { problem: d.text }),
  ],
  createHostConfirmationCard: (d) => [
    createHostConfirmationCard(d.coverView),
    createHostConfirmationCard(d.view, {
      dayBefore: true,
      calendarLink: 'https://teams.microsoft.com/l/meeting/new',
    }),
  ],
  createHostRequestCard: (d) => [
    createHostRequestCard(d.view),
    createHostRequestCard(d.view, { reminder: true }),
  ],
  createCoverFailedCard: (d) => [
    createCoverFailedCard(d.coverView),
    createCoverFailedCard(d.coverView, { reminder: true, problem: d.text }),
  ],
  createCoverRequestCard: (d) => [
    createCoverRequestCard(d.coverView),
    createCoverRequestCard(d.coverView, { reminder: true, note: d.text, problem: d.text }),
  ],
  createCoverStatusCard: (d) => [
    createCoverStatusCard(d.coverView),
    createCoverStatusCard(d.coverView, d.text),
  ],
  createManagerApprovalCard: (d) => [
    createManagerApprovalCard(d.view),
    createManagerApprovalCard({
      ...d.coverView,
      request: { ...d.coverView.request, state: 'awaiting_manager' },
    }),
    createManagerApprovalCard({ ...d.view, visitorRota: 'rostered_on' }, { reminder: true, note: d.text }),
  ],
  createInductionTermsCard: (d) => [createInductionTermsCard(d.offer)],
  createMyOffersCard: (d) => [
    createMyOffersCard([]),
    createMyOffersCard([
      d.offer,
      { ...d.offer, id: 'other', status: 'active', visitorsPerSession: 2 },
      { ...d.offer, id: 'imported', awaitingInduction: true },
    ]),
  ],
  createMyRequestsCard: (d) => [createMyRequestsCard([]), createMyRequestsCard(d.requests, OPEN_STATES)],
  createOfferQuestionCard: (d) =>
    OFFER_STEPS.filter((s) => s !== 'summary').map((step) =>
      createOfferQuestionCard(
        { kind: 'ask', step, problem: d.text },
        step === 'title' ? startOfferDraft(d.offerDraft.defaults, d.now) : d.offerDraft,
      ),
    ),
  createOfferSummaryCard: (d) => [
    createOfferSummaryCard(d.offerDraft),
    createOfferSummaryCard(d.offerDraft, d.text),
  ],
  createOutcomeStatusCard: (d) => [
    createOutcomeStatusCard(d.view, 'Thank you', d.text),
    createOutcomeStatusCard(undefined, 'Done', 'Saved.'),
    createOutcomeStatusCard(d.returnView, 'Thank you', d.text, [returnVisitButton(d.returnView)]),
  ],
  createReturnVisitInviteCard: (d) => [
    createReturnVisitInviteCard(d.returnView, 'Adele Vance, Discharge & Patient Flow'),
    createReturnVisitInviteCard(d.returnView, d.text),
    createReturnVisitInviteCard(d.returnView, undefined),
  ],
  createReportCard: (d) => [createReportCard(d.report)],
  createRequestNotSentCard: (d) =>
    [d.text, undefined].map((note) =>
      createRequestNotSentCard({
        id: 'request_not_sent:r1:alex:not-sent',
        personId: 'alex',
        kind: 'request_not_sent',
        requestId: 'r1',
        visitorId: 'alex',
        ...(note ? { note } : {}),
        status: 'pending',
        attempts: 0,
        createdAt: d.now.toISOString(),
        nextAttemptAt: d.now.toISOString(),
      }),
    ),
  createRequestQuestionCard: (d) =>
    DRAFT_STEPS.filter((s) => s !== 'summary').flatMap((step) => [
      createRequestQuestionCard(
        { kind: 'ask', step, problem: d.text, note: 'Starting again.', understood: d.understood },
        d.draft,
      ),
      createRequestQuestionCard({ kind: 'ask', step }, { ...d.draft, hostPage: 1 }),
    ]),
  createMovedOnCard: (d) => [
    createMovedOnCard(d.view, 'manager'),
    createMovedOnCard(d.view, 'visitor'),
    createMovedOnCard(d.view, 'host'),
  ],
  createNotOnServiceCard: () => [createNotOnServiceCard()],
  createRequestStatusCard: (d) => [createRequestStatusCard(d.view), createRequestStatusCard(d.view, d.text)],
  createRequestSummaryCard: (d) => [
    createRequestSummaryCard(d.draft),
    createRequestSummaryCard(d.draft, d.text),
  ],
  createTimeProposalCard: (d) => [createTimeProposalCard(d.view)],
  createVisitorOutcomeCard: (d) => [
    createVisitorOutcomeCard(d.view),
    createVisitorOutcomeCard(d.view, { problem: d.text, previous: { doDifferently: d.text } }),
  ],
  createWelcomeCard: (d) => [createWelcomeCard(), createWelcomeCard(d.text.slice(0, 60))],
};

/* eslint-disable @typescript-eslint/no-require-imports */
const modules = readdirSync(CARDS_FOLDER)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, exports: require(path.join(CARDS_FOLDER, file)) as Record<string, unknown> }));
/* eslint-enable @typescript-eslint/no-require-imports */
const creators = Object.fromEntries(
  modules.flatMap(({ file, exports }) =>
    Object.entries(exports)
      .filter(([name, value]) => /^create\w*Card$/.test(name) && typeof value === 'function')
      .map(([name, value]) => [name, { file, create: value as (...args: never[]) => AdaptiveCardJson }]),
  ),
);
const call =
  (name: string) =>
  (...args: unknown[]): AdaptiveCardJson =>
    (creators[name]?.create as unknown as (...a: unknown[]) => AdaptiveCardJson)(...args);
const createCheckInCard = call('createCheckInCard');
const createConfirmationCard = call('createConfirmationCard');
const createCpdRecordCard = call('createCpdRecordCard');
const createCoverFailedCard = call('createCoverFailedCard');
const createCoverRequestCard = call('createCoverRequestCard');
const createCoverStatusCard = call('createCoverStatusCard');
const createDigestCard = call('createDigestCard');
const createEraseDataCard = call('createEraseDataCard');
const createEraseAnsweredCard = call('createEraseAnsweredCard');
const createFollowUpCard = call('createFollowUpCard');
const createHelpCard = call('createHelpCard');
const createHostOutcomeCard = call('createHostOutcomeCard');
const createHostConfirmationCard = call('createHostConfirmationCard');
const createHostRequestCard = call('createHostRequestCard');
const createManagerApprovalCard = call('createManagerApprovalCard');
const createInductionTermsCard = call('createInductionTermsCard');
const createMovedOnCard = call('createMovedOnCard');
const createMyOffersCard = call('createMyOffersCard');
const createMyRequestsCard = call('createMyRequestsCard');
const createNotOnServiceCard = call('createNotOnServiceCard');
const createOfferQuestionCard = call('createOfferQuestionCard');
const createOfferSummaryCard = call('createOfferSummaryCard');
const createOutcomeStatusCard = call('createOutcomeStatusCard');
const createReportCard = call('createReportCard');
const createRequestNotSentCard = call('createRequestNotSentCard');
const createRequestQuestionCard = call('createRequestQuestionCard');
const createRequestStatusCard = call('createRequestStatusCard');
const createRequestSummaryCard = call('createRequestSummaryCard');
const createTimeProposalCard = call('createTimeProposalCard');
const createVisitorOutcomeCard = call('createVisitorOutcomeCard');
const createWelcomeCard = call('createWelcomeCard');
const createReturnVisitInviteCard = call('createReturnVisitInviteCard');

function person(id: string, name: string): Person {
  return {
    id,
    email: `${id}@example.nhs.uk`,
    name,
    jobTitle: 'Nurse',
    department: 'Ward 7',
    profession: 'nursing',
    roles: ['staff'],
  };
}

/** Data for every card on one day: times ahead of it, and ordinary or hostile words. */
function sampleFor(todayIso: string, hostile: boolean) {
  const now = new Date(todayIso);
  const text = hostile ? HOSTILE : 'To understand why discharges from my ward get delayed';
  const day = (n: number) =>
    DateTime.fromJSDate(now, { zone: 'Europe/London' }).startOf('day').plus({ days: n });
  const slot = (n: number, label?: string): SlotOption => ({
    start: day(n).set({ hour: 9 }).toUTC().toISO() as string,
    end: day(n).set({ hour: 13 }).toUTC().toISO() as string,
    part: 'am',
    ...(label ? { label } : {}),
    warnings: hostile ? [text] : [],
  });
  const offer: HostOffer = {
    id: 'offer-1',
    hostId: 'adele',
    title: hostile ? text.slice(0, 100) : 'A morning with the discharge team',
    description: text,
    profession: 'nursing',
    department: hostile ? text.slice(0, 80) : 'Discharge & Patient Flow',
    setting: 'ward',
    sessions: [{ weekday: 'tue', part: 'am' }],
    capacityPerWeek: 2,
    capacityPerMonth: 4,
    openTo: [],
    prerequisites: text,
    meetingPoint: text.slice(0, 300),
    status: 'paused',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const host = (n: number): HostOption => ({
    offerId: `offer-${n}`,
    hostId: `host-${n}`,
    title: offer.title,
    hostName: hostile ? text.slice(0, 80) : `Adele Vance ${n}`,
    department: offer.department,
    setting: n % 2 ? 'ward' : 'office',
    sensitive: n % 2 === 1,
    reason: hostile ? text : "Matches 'discharge'; office setting, lower risk",
    slots: [slot(2 + n, 'work time'), slot(4 + n, 'own time'), slot(9 + n)],
  });
  const request: ShadowingRequest = {
    id: '6f1c2d9e-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
    visitorId: 'alex',
    managerId: 'megan',
    hostId: 'adele',
    offerId: 'offer-1',
    offerTitle: offer.title,
    state: 'confirmed',
    what: text,
    purpose: text,
    objectives: [text, 'Learn how a discharge is planned'],
    start: slot(3).start,
    end: slot(3).end,
    proposedStart: slot(5).start,
    proposedEnd: slot(5).end,
    length: 'am',
    setting: 'ward',
    history: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  } as ShadowingRequest;
  const view: RequestView = {
    request,
    visitor: person('alex', hostile ? text.slice(0, 80) : 'Alex Wilber'),
    manager: person('megan', 'Megan Bowen'),
    host: person('adele', 'Adele Vance'),
    offer,
    visitorRota: 'not_rostered',
    doneThisYear: 2,
    alternativeSlots: [slot(6), slot(8)],
  };
  const returnView: RequestView = {
    ...view,
    request: { ...request, state: 'completed' },
    visitor: { ...person('alex', 'Alex Wilber'), department: hostile ? text.slice(0, 80) : 'Acute Medicine' },
  };
  const coverView: RequestView = {
    ...view,
    request: {
      ...request,
      state: 'awaiting_host',
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
      cover: 'pending',
      coverMethod: 'rota_coordinator',
      coverNotes: text,
      coverFailedReason: text,
    },
    release: {
      timeBasis: 'work_time',
      releaseHours: 4,
      coverHours: 4,
      shifts: [{ kind: 'long_day', start: slot(3).start, end: slot(3).end }],
      estimate: estimateCover(4, rateFor(DEFAULT_COVER_RATES, 'nursing', 'Band 5')!),
    },
    hoursThisYear: 8,
  };
  const draft: RequestDraft = {
    step: 'host',
    trail: ['what'],
    what: text.slice(0, 200),
    purpose: text.slice(0, 500),
    objectives: [text.slice(0, 300), 'See a board round'],
    window: {
      from: day(1).toISODate() as string,
      to: day(28).toISODate() as string,
      weekdays: ['tue', 'thu'],
    },
    length: 'am',
    avoidSettings: ['theatre'],
    hostOptions: [1, 2, 3, 4, 5].map(host),
    hostPage: 0,
    chosen: {
      offerId: 'offer-1',
      hostId: 'host-1',
      title: offer.title,
      hostName: 'Adele Vance',
      setting: 'ward',
      sensitive: true,
    },
    slotOptions: [slot(3, 'work time'), slot(5), slot(10)],
    slot: { start: slot(3).start, end: slot(3).end },
    startedAt: now.toISOString(),
  };
  const offerDraft = {
    ...startOfferEdit(offer, { profession: 'nursing', department: 'Discharge' }, now),
    editing: true,
  };
  const digests = ['megan', 'adele', 'alex', 'patti'].flatMap((id) => {
    const digest = buildDigest(
      { id, name: id, isProgrammeLead: id === 'patti' },
      { week: WEEK, now: DIGEST_NOW, world: world() },
    );
    return digest ? [digest as DigestContent] : [];
  });
  const report = buildReport(
    { from: '2026-02-16', to: '2026-03-01', department: hostile ? text.slice(0, 80) : 'Acute Medicine' },
    world(),
    DIGEST_NOW,
  );
  const understood = `I read: ${text.slice(0, 70)} · Tue 8 Dec · a morning. Wrong? Say "change who" or "change when".`;
  return {
    now,
    text,
    view,
    returnView,
    coverView,
    draft,
    offer,
    offerDraft,
    requests: [request, { ...request, id: 'r2', state: 'awaiting_manager' } as ShadowingRequest],
    digests,
    report,
    understood,
  };
}

describe('every card the bot sends', () => {
  it('has samples for every card module in src/teams/cards, and no samples for cards that are gone', () => {
    expect(Object.keys(creators).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  const cases = TODAYS.flatMap((today) => [false, true].map((hostile) => [today, hostile] as const));
  it.each(cases)(
    'passes the parser at schema 1.5 and the accessibility checks on %s (hostile data: %s)',
    (today, hostile) => {
      const data = sampleFor(today, hostile);
      const problems = Object.entries(SAMPLES).flatMap(([name, build]) =>
        build(data).flatMap((card, i) => auditCard(card, data.now).map((p) => `${name} #${i + 1}: ${p}`)),
      );
      expect(problems).toEqual([]);
    },
  );
});

describe('the card checks themselves', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const card = (body: unknown[]) => ({ type: 'AdaptiveCard', version: '1.5', body });

  it.each([
    ['an unknown element', [{ type: 'Carousel2' }], /schema 1.5/],
    ['an input with no label', [{ type: 'Input.Text', id: 'a' }], /has no label/],
    [
      'an image with no alt text',
      [{ type: 'Image', url: 'https://example.nhs.uk/a.png' }],
      /without alt text/,
    ],
    [
      'red text with no words saying why',
      [{ type: 'TextBlock', text: 'Tue 8 Dec', color: 'Attention' }],
      /colour alone/,
    ],
    [
      'a long text with no heading',
      [{ type: 'TextBlock', text: 'word '.repeat(150) }],
      /150 words with no heading/,
    ],
    [
      'an example in the past',
      [{ type: 'TextBlock', text: 'Type a day, for example "Fri 4 Dec".' }],
      /not a day ahead/,
    ],
  ])('finds %s', (_name, body, problem) => {
    expect(auditCard(card(body), now).join('\n')).toMatch(problem);
  });

  it('accepts a long text under a heading, and an example that is ahead', () => {
    const body = [
      { type: 'TextBlock', text: 'Your request', style: 'heading', weight: 'Bolder' },
      { type: 'TextBlock', text: `${'word '.repeat(150)} for example "Tue 8 Dec"` },
    ];
    expect(auditCard(card(body), now)).toEqual([]);
  });

  it('finds no past date in the examples the conversation gives in words', () => {
    const messages = [
      parseWhen('whenever', now).ok ? '' : (parseWhen('whenever', now) as { reason: string }).reason,
    ];
    expect(exampleProblems(messages, now)).toEqual([]);
  });
});
