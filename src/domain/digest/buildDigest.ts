import { formatLondonDate } from '../time/londonTime';
import { weeksBefore } from './chartPeriods';
import type { DigestContent, DigestSection, OrganisationSummary, PeriodFigures } from './digestTypes';
import { weekBefore } from './isoWeek';
import { hostSection, managerSection, visitorSection, type DigestContext } from './personalSections';
import { summariseOrganisation } from './summariseOrganisation';

/** Weeks of history in a programme lead's chart. */
export const TREND_WEEKS = 6;

/** Who the digest is for. Their roles on requests come from the requests themselves. */
export interface DigestReader {
  id: string;
  name: string;
  isProgrammeLead: boolean;
}

/**
 * One person's digest for the week, or undefined when there is nothing for them. Each section is
 * built only from requests where the reader holds that role, so nobody sees anyone else's business;
 * a programme lead's section holds counts and host names only.
 */
export function buildDigest(reader: DigestReader, context: DigestContext): DigestContent | undefined {
  const sections = [
    managerSection(reader.id, context),
    hostSection(reader.id, context),
    visitorSection(reader.id, context),
    reader.isProgrammeLead ? leadSection(context) : undefined,
  ].filter((s): s is DigestSection => s !== undefined);
  if (sections.length === 0) return undefined;
  return {
    week: context.week.label,
    personId: reader.id,
    personName: reader.name,
    weekStarting: formatLondonDate(context.week.start),
    sections,
  };
}

/** Last week's figures beside the week before, with a six-week chart, for a programme lead. */
function leadSection({ week, now, world }: DigestContext): DigestSection | undefined {
  const last = weekBefore(week, 1);
  const before = weekBefore(week, 2);
  const organisation = summariseOrganisation(world, last, before, weeksBefore(week, TREND_WEEKS), now);
  return hasAnything(organisation) ? { role: 'programme_lead', organisation } : undefined;
}

export function hasAnything(summary: OrganisationSummary): boolean {
  return (
    isBusy(summary.figures) ||
    isBusy(summary.previous) ||
    summary.bottlenecks.length > 0 ||
    summary.release.total.visits > 0 ||
    summary.declines.length > 0 ||
    summary.chart.bars.some((b) => b.value > 0)
  );
}

function isBusy(figures: PeriodFigures): boolean {
  return figures.requests + figures.confirmations + figures.completions + figures.noShows > 0;
}
