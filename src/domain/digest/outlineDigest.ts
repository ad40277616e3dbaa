import { describeDecline, describeReleaseGroup, describeReleaseTotal } from './describeCoverFigures';
import {
  describeBottleneck,
  describeFigures,
  describeRest,
  describeTopHost,
  describeVisitLine,
  type FigureLine,
} from './describeFigures';
import type {
  BarChart,
  DigestContent,
  DigestSection,
  OrganisationSummary,
  ReportContent,
  VisitList,
  VisitLine,
} from './digestTypes';

/**
 * A digest or report as a sequence of plain blocks, in reading order. The CLI prints it as text and
 * the Teams card draws it; both say the same words.
 */
export type OutlineBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  /** A line that may hold someone's own words (a department they typed): shown as typed. */
  | { kind: 'note'; text: string }
  | { kind: 'list'; title: string; items: string[] }
  | { kind: 'facts'; title: string; facts: FigureLine[] }
  | { kind: 'chart'; chart: BarChart };

export function outlineDigest(content: DigestContent): OutlineBlock[] {
  return [
    { kind: 'title', text: `Your week in job shadowing, week starting ${content.weekStarting}` },
    ...content.sections.flatMap(outlineSection),
  ];
}

export function outlineReport(report: ReportContent): OutlineBlock[] {
  return [
    { kind: 'title', text: 'Job shadowing report' },
    {
      kind: 'note',
      text: report.department
        ? `Department: ${report.department} (visitor's or host's side)`
        : 'The whole organisation',
    },
    ...outlineOrganisation(report.organisation, 'the period before', `${report.organisation.periodLabel}`),
  ];
}

function outlineSection(section: DigestSection): OutlineBlock[] {
  switch (section.role) {
    case 'manager':
      return [
        { kind: 'heading', text: 'As a manager' },
        ...list('Approvals waiting for you', section.approvalsWaiting, (l) =>
          describeVisitLine(l, 'visitor'),
        ),
        ...list("Your team's visits this week", section.teamVisits, (l) => describeVisitLine(l, 'visitor')),
      ];
    case 'host':
      return [
        { kind: 'heading', text: 'As a host' },
        ...list('Your visitors this week', section.visitorsThisWeek, (l) => describeVisitLine(l, 'visitor')),
        ...list('Requests waiting for your answer', section.requestsWaiting, (l) =>
          describeVisitLine(l, 'visitor'),
        ),
      ];
    case 'visitor':
      return [
        { kind: 'heading', text: 'Your visits' },
        ...list('Coming up', section.upcomingVisits, (l) => describeVisitLine(l, 'host')),
        ...list('Please tell us how these went', section.feedbackDue, (l) => describeVisitLine(l, 'host')),
      ];
    case 'programme_lead':
      return outlineOrganisation(
        section.organisation,
        'the week before',
        `last week, ${section.organisation.periodLabel}`,
      );
  }
}

function outlineOrganisation(
  summary: OrganisationSummary,
  comparedWith: string,
  period: string,
): OutlineBlock[] {
  return [
    { kind: 'heading', text: `The organisation: ${period}` },
    { kind: 'facts', title: 'Figures', facts: describeFigures(summary, comparedWith) },
    { kind: 'chart', chart: summary.chart },
    ...outlineRelease(summary),
    {
      kind: 'list',
      title: 'Declined by managers, by reason',
      items:
        summary.declines.length > 0
          ? summary.declines.map(describeDecline)
          : ['No manager declined a request in this period.'],
    },
    {
      kind: 'list',
      title: 'Waiting too long',
      items:
        summary.bottlenecks.length > 0
          ? summary.bottlenecks.map(describeBottleneck)
          : ['Nothing has waited 5 working days or more.'],
    },
    {
      kind: 'list',
      title: 'Top hosts',
      items:
        summary.topHosts.length > 0
          ? summary.topHosts.map((h, i) => describeTopHost(h, i + 1))
          : ['No completed visits in this period.'],
    },
  ];
}

/** Release and cover in the period, then by the visitor's department and staff group where there is any. */
function outlineRelease(summary: OrganisationSummary): OutlineBlock[] {
  const { total, byDepartment, byProfession } = summary.release;
  if (total.visits === 0)
    return [
      { kind: 'list', title: 'Work time and cover', items: ['No visits in work time in this period.'] },
    ];
  return [
    { kind: 'facts', title: 'Work time and cover', facts: describeReleaseTotal(total) },
    {
      kind: 'list',
      title: "Work time by the visitor's department",
      items: byDepartment.map(describeReleaseGroup),
    },
    {
      kind: 'list',
      title: "Work time by the visitor's staff group",
      items: byProfession.map(describeReleaseGroup),
    },
  ];
}

function list(title: string, visits: VisitList, describe: (line: VisitLine) => string): OutlineBlock[] {
  if (visits.total === 0) return [];
  const rest = describeRest(visits);
  return [
    {
      kind: 'list',
      title: `${title} (${visits.total})`,
      items: [...visits.lines.map(describe), ...(rest ? [rest] : [])],
    },
  ];
}
