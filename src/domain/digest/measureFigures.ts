import type { ShadowingRequest } from '../requests';
import type { ExchangeRecord } from '../outcomes/exchangeRecord';
import type { ObjectiveRating } from '../outcomes/outcomeTypes';
import { countReciprocalPairs } from '../relationships/reciprocalPairs';
import type { DigestWorld, PeriodFigures } from './digestTypes';

/** A half-open stretch of time, UTC epoch milliseconds. */
export interface Period {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** When the visitor sent the request (it left 'draft'), or when it was made. */
export function submittedAt(request: ShadowingRequest): number {
  const sent = request.history.find((t) => t.from === 'draft');
  return Date.parse(sent?.at ?? request.createdAt);
}

/** When the request was first confirmed, if it was. */
export function confirmedAt(request: ShadowingRequest): number | undefined {
  const confirmed = request.history.find((t) => t.to === 'confirmed');
  return confirmed ? Date.parse(confirmed.at) : undefined;
}

export function within(instant: number | undefined, period: Period): boolean {
  return instant !== undefined && instant >= period.start && instant < period.end;
}

/** The world narrowed to one department (visitor's or host's side), compared without case. */
export function narrowToDepartment(world: DigestWorld, department: string | undefined): DigestWorld {
  if (!department) return world;
  const wanted = normalise(department);
  const departmentOf = (id: string | undefined) =>
    id ? normalise(world.people.get(id)?.department ?? '') : '';
  const requests = world.requests.filter(
    (r) => departmentOf(r.visitorId) === wanted || departmentOf(r.hostId) === wanted,
  );
  const exchanges = world.exchanges.filter((e) =>
    [e.visitor.department, e.host.department].some((d) => d !== undefined && normalise(d) === wanted),
  );
  return { ...world, requests, exchanges };
}

/** The figures for one period: requests sent, confirmations, completions and what they achieved. */
export function measureFigures(world: DigestWorld, period: Period): PeriodFigures {
  const sent = world.requests.filter((r) => r.state !== 'draft' && within(submittedAt(r), period));
  const confirmed = world.requests.filter((r) => within(confirmedAt(r), period));
  const logged = world.exchanges.filter((e) => within(Date.parse(e.visitStart), period));
  const completed = logged.filter((e) => e.outcome === 'completed');
  return {
    requests: sent.length,
    confirmations: confirmed.length,
    completions: completed.length,
    noShows: logged.length - completed.length,
    hours: Math.round(completed.reduce((sum, e) => sum + (e.hours ?? 0), 0) * 10) / 10,
    medianDaysToArrange: median(confirmed.map((r) => ((confirmedAt(r) ?? 0) - submittedAt(r)) / DAY_MS)),
    crossProfessionShare: crossProfessionShare(completed),
    objectives: countObjectives(completed),
    reciprocalPairs: countReciprocalPairs(world.exchanges, period),
  };
}

/** Among completed visits whose two professions are known, the share where they differ. */
function crossProfessionShare(completed: readonly ExchangeRecord[]): number | undefined {
  const known = completed.filter((e) => e.visitor.profession && e.host.profession);
  if (known.length === 0) return undefined;
  return known.filter((e) => e.visitor.profession !== e.host.profession).length / known.length;
}

function countObjectives(completed: readonly ExchangeRecord[]): Record<ObjectiveRating, number> {
  const counts: Record<ObjectiveRating, number> = { met: 0, partly: 0, not_met: 0 };
  for (const { rating } of completed.flatMap((e) => e.objectives)) if (rating) counts[rating] += 1;
  return counts;
}

/** The middle value, to one decimal place; undefined for no values. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return Math.round(value * 10) / 10;
}

/** "The Discharge Team", "discharge team" and "Discharge" all name the same department. */
function normalise(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/ (team|department|dept\.?)$/, '');
}
