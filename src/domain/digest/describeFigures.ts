import type {
  BarChart,
  Bottleneck,
  OrganisationSummary,
  PeriodFigures,
  TopHost,
  VisitLine,
  VisitList,
} from './digestTypes';

/** A labelled figure in words, e.g. { label: 'Requests sent', value: '5, up from 3' }. */
export interface FigureLine {
  label: string;
  value: string;
}

const STAGE_WORDS: Record<Bottleneck['stage'], string> = {
  awaiting_manager: "waiting for a manager's approval",
  awaiting_host: "waiting for a host's answer",
  host_proposed_time: 'waiting for a visitor to answer a new time',
};

/** The organisation's figures in plain words, each with its comparison. */
export function describeFigures(summary: OrganisationSummary, comparedWith: string): FigureLine[] {
  const now = summary.figures;
  const before = summary.previous;
  return [
    { label: 'Requests sent', value: compare(now.requests, before.requests, comparedWith) },
    { label: 'Visits confirmed', value: compare(now.confirmations, before.confirmations, comparedWith) },
    { label: 'Visits completed', value: compare(now.completions, before.completions, comparedWith) },
    { label: 'Did not happen (no-show)', value: compare(now.noShows, before.noShows, comparedWith) },
    { label: 'Hours spent shadowing', value: compare(now.hours, before.hours, comparedWith) },
    {
      label: 'Median days to arrange',
      value: now.medianDaysToArrange === undefined ? 'None confirmed' : `${now.medianDaysToArrange} days`,
    },
    { label: 'Across professions', value: percent(now.crossProfessionShare, 'of completed visits') },
    { label: 'Objectives met', value: describeObjectives(now) },
    {
      label: 'Reciprocal pairs',
      value: compare(now.reciprocalPairs, before.reciprocalPairs, comparedWith),
    },
  ];
}

export function describeBottleneck(bottleneck: Bottleneck): string {
  const requests = bottleneck.count === 1 ? '1 request' : `${bottleneck.count} requests`;
  return `${requests} ${STAGE_WORDS[bottleneck.stage]} for 5 working days or more (longest ${bottleneck.longestWorkingDays} working days)`;
}

export function describeTopHost(host: TopHost, place: number): string {
  const visits = host.visits === 1 ? '1 visit' : `${host.visits} visits`;
  return `${place}. ${host.name}${host.department ? `, ${host.department}` : ''}: ${visits}`;
}

/** "Tue 3 Mar, 09:00-13:00: Discharge board round, visitor Alex Wilber (waiting 3 working days)" */
export function describeVisitLine(line: VisitLine, other: 'visitor' | 'host'): string {
  return `${line.when}: ${line.title}, ${other} ${line.personName}${describeWait(line.waitingDays)}`;
}

function describeWait(days: number | undefined): string {
  if (days === undefined) return '';
  if (days === 0) return ' (waiting less than a working day)';
  return ` (waiting ${days === 1 ? '1 working day' : `${days} working days`})`;
}

/** "and 4 more" when a list was cut short. */
export function describeRest(list: VisitList): string | undefined {
  const rest = list.total - list.lines.length;
  return rest > 0 ? `and ${rest} more` : undefined;
}

/** A bar's value in words: "4 visits completed". */
export function describeBar(chart: BarChart, value: number): string {
  return `${value} ${value === 1 ? chart.unit.one : chart.unit.many}`;
}

function compare(now: number, before: number, comparedWith: string): string {
  if (now === before) return `${now}, the same as ${comparedWith}`;
  return `${now}, ${now > before ? 'up' : 'down'} from ${before} ${comparedWith}`;
}

function percent(share: number | undefined, of: string): string {
  return share === undefined ? 'No completed visits' : `${Math.round(share * 100)}% ${of}`;
}

function describeObjectives(figures: PeriodFigures): string {
  const { met, partly, not_met: notMet } = figures.objectives;
  const rated = met + partly + notMet;
  if (rated === 0) return 'None rated yet';
  return `${met} of ${rated} met (${Math.round((met / rated) * 100)}%), ${partly} partly, ${notMet} not met`;
}
