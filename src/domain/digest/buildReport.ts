import { addDays, toLondonInstant } from '../time/londonTime';
import { barsFor } from './chartPeriods';
import type { DigestWorld, ReportContent } from './digestTypes';
import { narrowToDepartment, type Period } from './measureFigures';
import type { ReportRequest } from './parseReportRequest';
import { summariseOrganisation } from './summariseOrganisation';

/** The report's period as instants: from 00:00 London on `from` to 00:00 after `to`. */
export function reportPeriod(request: Pick<ReportRequest, 'from' | 'to'>): Period {
  return {
    start: toLondonInstant(request.from, '00:00'),
    end: toLondonInstant(addDays(request.to, 1), '00:00'),
  };
}

/**
 * A programme lead's report: the same figures as the weekly digest for any period and, when
 * named, one department (requests and exchanges where the visitor or the host works there),
 * compared with the period of the same length just before it.
 */
export function buildReport(request: ReportRequest, world: DigestWorld, now: Date): ReportContent {
  const period = reportPeriod(request);
  const length = period.end - period.start;
  const previous = { start: period.start - length, end: period.start };
  const narrowed = narrowToDepartment(world, request.department);
  return {
    from: request.from,
    to: request.to,
    ...(request.department ? { department: request.department } : {}),
    organisation: summariseOrganisation(narrowed, period, previous, barsFor(period), now),
  };
}
