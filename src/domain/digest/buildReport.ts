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

/** The period of the same length just before `period`, with which a report compares it. */
export function periodBefore(period: Period): Period {
  return { start: period.start - (period.end - period.start), end: period.start };
}

/** Everything a report counts: its period and the one before it. */
export function reportSpan(request: Pick<ReportRequest, 'from' | 'to'>): Period {
  const period = reportPeriod(request);
  return { start: periodBefore(period).start, end: period.end };
}

/**
 * A programme lead's report: the same figures as the weekly digest for any period and, when
 * named, one department (requests and exchanges where the visitor or the host works there),
 * compared with the period of the same length just before it.
 */
export function buildReport(request: ReportRequest, world: DigestWorld, now: Date): ReportContent {
  const period = reportPeriod(request);
  const previous = periodBefore(period);
  const narrowed = narrowToDepartment(world, request.department);
  return {
    from: request.from,
    to: request.to,
    ...(request.department ? { department: request.department } : {}),
    organisation: summariseOrganisation(narrowed, period, previous, barsFor(period), now),
  };
}
