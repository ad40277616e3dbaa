import type { ShadowingRequest } from '../requests';
import { formatLondonDate } from '../time/londonTime';
import { ESCALATE_AFTER_WORKING_DAYS } from '../workflow/dueReminders';
import { workingDaysBetween } from '../workflow/workingDays';
import type { BarChart, Bottleneck, DigestWorld, OrganisationSummary, TopHost } from './digestTypes';
import { countDeclines } from './countDeclines';
import { measureFigures, within, type Period } from './measureFigures';
import { measureRelease } from './measureRelease';
import type { BankHolidays } from '../time/bankHolidays';

export const TOP_HOSTS = 3;

/** A period for the chart, with its label ("w/c 5 Jan"). */
export interface LabelledPeriod {
  label: string;
  period: Period;
}

/**
 * The organisation's figures for `period` beside those for `previous`, a chart of completed visits
 * over `chartPeriods`, release and cover hours with their estimated cost and managers' declines by
 * reason in `period`, the requests stuck for more than five working days at `now`, and the hosts
 * with the most completed visits. Counts and host names only: nothing any visitor wrote.
 */
export function summariseOrganisation(
  world: DigestWorld,
  period: Period,
  previous: Period,
  chartPeriods: readonly LabelledPeriod[],
  now: Date,
): OrganisationSummary {
  return {
    periodLabel: describePeriod(period),
    figures: measureFigures(world, period),
    previous: measureFigures(world, previous),
    release: measureRelease(world, period),
    declines: countDeclines(world, period),
    chart: completionsChart(world, chartPeriods),
    bottlenecks: findBottlenecks(world.requests, now, world.holidays),
    topHosts: findTopHosts(world, period),
  };
}

/** "Mon 5 Jan to Sun 11 Jan" */
export function describePeriod(period: Period): string {
  return `${formatLondonDate(period.start)} to ${formatLondonDate(period.end - 1)}`;
}

function completionsChart(world: DigestWorld, periods: readonly LabelledPeriod[]): BarChart {
  return {
    title: 'Visits completed',
    unit: { one: 'visit completed', many: 'visits completed' },
    bars: periods.map(({ label, period }) => ({ label, value: measureFigures(world, period).completions })),
  };
}

const STUCK_STAGES: ReadonlyArray<Bottleneck['stage']> = [
  'awaiting_manager',
  'awaiting_host',
  'host_proposed_time',
];

/** Requests waiting at one stage for five working days or more, counted per stage. */
export function findBottlenecks(
  requests: readonly ShadowingRequest[],
  now: Date,
  holidays?: BankHolidays,
): Bottleneck[] {
  const found: Bottleneck[] = [];
  for (const stage of STUCK_STAGES) {
    const waits = requests
      .filter((r) => r.state === stage)
      .map((r) =>
        workingDaysBetween(new Date(r.history[r.history.length - 1]?.at ?? r.updatedAt), now, holidays),
      )
      .filter((days) => days >= ESCALATE_AFTER_WORKING_DAYS);
    if (waits.length > 0) found.push({ stage, count: waits.length, longestWorkingDays: Math.max(...waits) });
  }
  return found;
}

function findTopHosts(world: DigestWorld, period: Period): TopHost[] {
  const visits = new Map<string, number>();
  for (const e of world.exchanges) {
    if (e.outcome !== 'completed' || !e.hostId || !within(Date.parse(e.visitStart), period)) continue;
    visits.set(e.hostId, (visits.get(e.hostId) ?? 0) + 1);
  }
  return [...visits.entries()]
    .map(([hostId, count]) => {
      const host = world.people.get(hostId);
      return {
        hostId,
        name: host?.name ?? 'A host no longer in the directory',
        department: host?.department ?? '',
        visits: count,
      };
    })
    .sort((a, b) => b.visits - a.visits || a.name.localeCompare(b.name))
    .slice(0, TOP_HOSTS);
}
