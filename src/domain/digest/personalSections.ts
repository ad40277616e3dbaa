import type { RequestWithOutcomes } from '../outcomes/outcomeTypes';
import type { ShadowingRequest } from '../requests';
import { formatVisitTime } from '../time/formatVisit';
import { workingDaysBetween } from '../workflow/workingDays';
import type { DigestSection, DigestWorld, VisitLine, VisitList } from './digestTypes';
import type { IsoWeek } from './isoWeek';

/** Lines shown per list; the total is always given. */
export const LINES_PER_LIST = 10;
const DAY_MS = 86_400_000;
/** How far ahead a visitor's upcoming visits are listed, from the start of the week. */
export const UPCOMING_DAYS = 28;
/** How long after a visit its feedback is still asked for. */
export const FEEDBACK_DAYS = 90;

export interface DigestContext {
  week: IsoWeek;
  now: Date;
  world: DigestWorld;
}

/** Approvals waiting for this manager, and their team's confirmed visits this week. */
export function managerSection(
  personId: string,
  { week, now, world }: DigestContext,
): DigestSection | undefined {
  const waiting = world.requests.filter(
    (r) => r.state === 'awaiting_manager' && r.managerId === personId && r.visitorId !== personId,
  );
  const managerOf = (r: ShadowingRequest) => world.people.get(r.visitorId)?.managerId ?? r.managerId;
  const visits = world.requests.filter(
    (r) => isVisitInWeek(r, week) && r.visitorId !== personId && managerOf(r) === personId,
  );
  if (waiting.length === 0 && visits.length === 0) return undefined;
  return {
    role: 'manager',
    approvalsWaiting: listOf(waiting, (r) => line(r, r.visitorId, world, waitedSince(r, now, world))),
    teamVisits: listOf(visits, (r) => line(r, r.visitorId, world)),
  };
}

/** This host's visitors this week, and requests waiting for the host's answer. */
export function hostSection(
  personId: string,
  { week, now, world }: DigestContext,
): DigestSection | undefined {
  const mine = world.requests.filter((r) => r.hostId === personId && r.visitorId !== personId);
  const visits = mine.filter((r) => isVisitInWeek(r, week));
  const waiting = mine.filter((r) => r.state === 'awaiting_host');
  if (visits.length === 0 && waiting.length === 0) return undefined;
  return {
    role: 'host',
    visitorsThisWeek: listOf(visits, (r) => line(r, r.visitorId, world)),
    requestsWaiting: listOf(waiting, (r) => line(r, r.visitorId, world, waitedSince(r, now, world))),
  };
}

/** This visitor's confirmed visits in the next four weeks, and visits whose feedback is still owed. */
export function visitorSection(
  personId: string,
  { week, now, world }: DigestContext,
): DigestSection | undefined {
  const mine = world.requests.filter((r) => r.visitorId === personId);
  const horizon = week.start + UPCOMING_DAYS * DAY_MS;
  const upcoming = mine.filter(
    (r) =>
      r.state === 'confirmed' &&
      r.start !== undefined &&
      Date.parse(r.start) >= now.getTime() &&
      Date.parse(r.start) < horizon,
  );
  const answered = new Set(
    world.exchanges.filter((e) => e.visitorFeedback || e.outcome === 'no_show').map((e) => e.requestId),
  );
  const feedback = mine.filter((r) => owesFeedback(r, now) && !answered.has(r.id));
  if (upcoming.length === 0 && feedback.length === 0) return undefined;
  return {
    role: 'visitor',
    upcomingVisits: listOf(upcoming, (r) => line(r, r.hostId, world)),
    feedbackDue: listOf(feedback, (r) => line(r, r.hostId, world)),
  };
}

/** A visit that ended in the last 90 days, still open or completed, without the visitor's answers. */
function owesFeedback(request: RequestWithOutcomes, now: Date): boolean {
  if (request.state !== 'confirmed' && request.state !== 'completed') return false;
  if (!request.end || request.outcomes?.visitor) return false;
  if (request.outcomes?.checkIn && request.outcomes.checkIn.answer !== 'yes') return false;
  const ended = Date.parse(request.end);
  return ended <= now.getTime() && now.getTime() - ended < FEEDBACK_DAYS * DAY_MS;
}

function isVisitInWeek(request: ShadowingRequest, week: IsoWeek): boolean {
  if (request.state !== 'confirmed' || !request.start) return false;
  const start = Date.parse(request.start);
  return start >= week.start && start < week.end;
}

function waitedSince(request: ShadowingRequest, now: Date, world: DigestWorld): number {
  const since = request.history[request.history.length - 1]?.at ?? request.updatedAt;
  return workingDaysBetween(new Date(since), now, world.holidays);
}

function listOf(
  requests: readonly ShadowingRequest[],
  toLine: (r: ShadowingRequest) => VisitLine,
): VisitList {
  const ordered = [...requests].sort(
    (a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.id.localeCompare(b.id),
  );
  return { lines: ordered.slice(0, LINES_PER_LIST).map(toLine), total: ordered.length };
}

function line(
  request: ShadowingRequest,
  otherId: string | undefined,
  world: DigestWorld,
  waitingDays?: number,
): VisitLine {
  const other = otherId ? world.people.get(otherId) : undefined;
  return {
    requestId: request.id,
    personName: other?.name ?? (otherId ? 'Someone no longer in the directory' : 'No host chosen yet'),
    title: request.offerTitle ?? 'A shadowing visit',
    when: request.start && request.end ? formatVisitTime(request.start, request.end) : 'Time not chosen yet',
    ...(waitingDays !== undefined ? { waitingDays } : {}),
  };
}
