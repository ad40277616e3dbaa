import type { DateTime } from 'luxon';
import type { HostOffer, OfferedSession } from '../domain/offers';
import { buildExchangeRecord, type ExchangeRecord } from '../domain/outcomes/exchangeRecord';
import type { RequestWithOutcomes } from '../domain/outcomes/outcomeTypes';
import type { Person } from '../domain/people';
import type { RequestState, Transition } from '../domain/requests';
import { occurrencesOn } from '../domain/sessions/sessionOccurrences';
import { DECLINE_CATEGORY_WORDS } from '../domain/cover/declineCategories';
import { BOARD_OFFER_ID, boardMeetings } from './demoBoardDates';
import { DEMO_ROTA_COORDINATORS } from './demoGrades';
import { withPastCover } from './demoPastCover';
import { DEMO_PAST_REQUESTS, type PastRequestRow } from './demoPastRequests';
import { createSeededRandom, type SeededRandom } from './seededRandom';

/** Six months of past requests, and the exchange log written for the ones that were visits. */
export interface DemoHistory {
  requests: RequestWithOutcomes[];
  exchanges: ExchangeRecord[];
}

export const HISTORY_MONTHS = 6;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Past requests in every end state over the six calendar months before the month of `today`, so
 * that nothing of the past shares a month with a visit asked for now. Each
 * follows the real workflow (sent, released, accepted, then completed, declined, cancelled, not
 * attended or expired), with outcomes for the visits that happened. Pure: same date, same history.
 */
export function buildDemoHistory(
  people: readonly Person[],
  offers: readonly HostOffer[],
  idByKey: ReadonlyMap<string, string>,
  today: DateTime,
): DemoHistory {
  const end = today.startOf('month');
  const start = end.minus({ months: HISTORY_MONTHS });
  const span = end.diff(start, 'days').days;
  const random = createSeededRandom(`history:${end.toISODate()}`);
  const byId = new Map(people.map((p) => [p.id, p]));
  const requests = DEMO_PAST_REQUESTS.map((row, index) => {
    const visitor = byId.get(idByKey.get(row.visitor) ?? '');
    const offer = offers.find((o) => o.id === row.offer);
    if (!visitor || !offer) throw new Error(`Past request ${index + 1} names no such visitor or offer`);
    if (offer.openTo.length > 0 && !offer.openTo.includes(visitor.profession))
      throw new Error(`Past request ${index + 1}: the offer is not open to the visitor`);
    const sessions = offer.id === BOARD_OFFER_ID ? boardMeetings(start) : offer.sessions;
    const from = start.plus({ days: Math.floor((index * (span - 7)) / DEMO_PAST_REQUESTS.length) });
    const visit = nextOccurrence(sessions, from, end);
    const coordinatorKey = DEMO_ROTA_COORDINATORS[visitor.department];
    const coordinatorId = coordinatorKey ? idByKey.get(coordinatorKey) : undefined;
    return buildRequest(row, index, visitor, offer, visit, random, coordinatorId);
  });
  const exchanges = requests.flatMap((request) => {
    const record = buildExchangeRecord({
      request,
      visitor: byId.get(request.visitorId),
      host: byId.get(request.hostId ?? ''),
      offer: offers.find((o) => o.id === request.offerId),
      remindersNeeded: request.history.length > 5 ? 1 : 0,
      now: new Date(request.updatedAt),
    });
    return record ? [record] : [];
  });
  return { requests, exchanges };
}

/** The first session occurrence on or after `from` and before `end`, else the last one before `from`. */
function nextOccurrence(
  sessions: readonly OfferedSession[],
  from: DateTime,
  end: DateTime,
): { start: number; end: number } {
  const on = (day: DateTime) => occurrencesOn(sessions, day.toISODate() as string)[0];
  for (let day = from; day < end; day = day.plus({ days: 1 })) {
    const found = on(day);
    if (found) return { start: found.start, end: found.end };
  }
  for (let day = from.minus({ days: 1 }), steps = 0; steps < 62; day = day.minus({ days: 1 }), steps += 1) {
    const found = on(day);
    if (found) return { start: found.start, end: found.end };
  }
  throw new Error(`No session near ${from.toISODate()}`);
}

function buildRequest(
  row: PastRequestRow,
  index: number,
  visitor: Person,
  offer: HostOffer,
  visit: { start: number; end: number },
  random: SeededRandom,
  coordinatorId: string | undefined,
): RequestWithOutcomes {
  const managerId = visitor.managerId as string;
  const sent = visit.start - (12 + random.integer(0, 9)) * DAY - random.integer(1, 6) * HOUR;
  const history: Transition[] = [];
  const move = (from: RequestState, to: RequestState, by: string, at: number, reason?: string) =>
    history.push({ from, to, by, at: new Date(at).toISOString(), ...(reason ? { reason } : {}) });
  move('draft', 'awaiting_manager', visitor.id, sent);
  const released = sent + random.integer(4, 50) * HOUR;
  const accepted = released + random.integer(4, 70) * HOUR;
  switch (row.ends) {
    case 'declined_by_manager':
      move('awaiting_manager', 'declined_by_manager', managerId, released, declineReason(row));
      break;
    case 'expired':
      if (row.waited === 'host') move('awaiting_manager', 'awaiting_host', managerId, released);
      move(history[history.length - 1]!.to, 'expired', 'system', visit.start - DAY, EXPIRED);
      break;
    case 'declined_by_host':
      move('awaiting_manager', 'awaiting_host', managerId, released);
      move('awaiting_host', 'declined_by_host', offer.hostId, accepted, row.reason);
      break;
    default:
      move('awaiting_manager', 'awaiting_host', managerId, released);
      move('awaiting_host', 'confirmed', offer.hostId, accepted);
      if (row.ends === 'cancelled')
        move('confirmed', 'cancelled', visitor.id, visit.start - random.integer(2, 5) * DAY, row.reason);
      if (row.ends === 'no_show') move('confirmed', 'no_show', offer.hostId, visit.end + 20 * HOUR);
      if (row.ends === 'completed') move('confirmed', 'completed', visitor.id, visit.end + 3 * HOUR);
  }
  const last = Date.parse(history[history.length - 1]!.at);
  const objectives = row.objectives ?? defaultObjectives(offer);
  let request: RequestWithOutcomes = {
    id: pastRequestId(index + 1),
    visitorId: visitor.id,
    managerId,
    hostId: offer.hostId,
    offerId: offer.id,
    offerTitle: offer.title,
    state: row.ends,
    what: offer.title.toLowerCase(),
    purpose:
      row.purpose ?? `To understand how ${offer.department} works and what it needs from teams like mine`,
    objectives,
    start: new Date(visit.start).toISOString(),
    end: new Date(visit.end).toISOString(),
    setting: offer.setting,
    history,
    createdAt: new Date(sent).toISOString(),
    updatedAt: new Date(last).toISOString(),
    ...(row.declineCategory ? { declineCategory: row.declineCategory } : {}),
  };
  if (row.cover) {
    const approved = history.some((t) => t.from === 'awaiting_manager' && t.to === 'awaiting_host');
    request = withPastCover(request, {
      cover: row.cover,
      visitor,
      coordinatorId,
      releasedAt: released,
      approved,
    });
  }
  if (row.ends === 'completed') request.outcomes = outcomesOf(row, request, visit, random);
  if (row.ends === 'completed' && request.outcomes?.host) request.updatedAt = request.outcomes.host.at;
  return request;
}

/** A manager's decline reads as the card writes it: the category, then their words. */
function declineReason(row: PastRequestRow): string | undefined {
  if (!row.declineCategory) return row.reason;
  const category = DECLINE_CATEGORY_WORDS[row.declineCategory];
  return row.reason ? `${category}: ${row.reason}` : category;
}

const EXPIRED = 'The date passed before everyone had answered, so the request has expired.';

function defaultObjectives(offer: HostOffer): string[] {
  return [`See ${offer.title.toLowerCase()}`, 'Take back one thing my team could do differently'];
}

function outcomesOf(
  row: PastRequestRow,
  request: RequestWithOutcomes,
  visit: { start: number; end: number },
  random: SeededRandom,
): RequestWithOutcomes['outcomes'] {
  const at = (hours: number) => new Date(visit.end + hours * HOUR).toISOString();
  const ratings = request.objectives.map((_, i) =>
    row.wentBadly ? 'not_met' : i === 0 || random.next() < 0.7 ? 'met' : 'partly',
  ) as Array<'met' | 'partly' | 'not_met'>;
  return {
    checkIn: { answer: 'yes', by: request.visitorId, at: at(3) },
    visitor: {
      ratings,
      knowledge: random.next() < 0.5 ? ['practical_wisdom', 'technical_know_how'] : ['practical_wisdom'],
      doDifferently: row.doDifferently ?? DO_DIFFERENTLY[random.integer(0, DO_DIFFERENTLY.length - 1)]!,
      wouldRecommend: !row.wentBadly,
      followOn: row.followOn ?? 'none',
      hours: Math.round(((visit.end - visit.start) / HOUR) * 2) / 2,
      at: at(5),
    },
    host: {
      teamGained: TEAM_GAINED[random.integer(0, TEAM_GAINED.length - 1)]!,
      wouldHostAgain: !row.wentBadly,
      at: at(26),
    },
  };
}

const DO_DIFFERENTLY = [
  'Start planning discharges on the day people arrive, not the day before they leave.',
  'Ring the team before referring, so the referral has what they need the first time.',
  'Write clearer handover notes about what the patient can do for themselves.',
  'Ask about medicines earlier in the day, so the pharmacy is not rushed at five o’clock.',
  'Book follow-up with the community team before the patient goes home.',
];

const TEAM_GAINED = [
  'A fresh view of how our referrals read to the people who receive them.',
  'Questions that made us explain why we do things the way we do.',
  'A contact on another team we can ring when things get stuck.',
  'Ideas for making our board round shorter.',
];

/** A stable GUID-shaped id for the past request at `index` (hex digits only). */
export function pastRequestId(index: number): string {
  return `de40b000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}
