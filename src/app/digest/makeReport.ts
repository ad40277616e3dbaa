import { buildReport, reportSpan } from '../../domain/digest/buildReport';
import type { DigestSettings } from '../../domain/digest/digestSettings';
import type { ReportContent } from '../../domain/digest/digestTypes';
import { parseReportRequest, type ReportRequest } from '../../domain/digest/parseReportRequest';
import type { Person } from '../../domain/people';
import type { DocumentStore } from '../../store/documentStore';
import type { Services } from '../services';
import { isProgrammeLead, loadReportAudience } from './loadDigestAudience';

export type ReportOutcome = { ok: true; report: ReportContent } | { ok: false; refusal: string };

export const REPORTS_ARE_FOR_LEADS =
  'Reports are for programme leads, so I cannot show you one. Your weekly digest tells you about your own requests, visits and approvals. If you need figures for your team, please ask your programme lead.';

/** Reads the request, checks the person may see aggregates, and builds the report. */
export async function makeReport(
  store: DocumentStore,
  services: Services,
  settings: DigestSettings,
  person: Person,
  text: string,
  now: Date,
): Promise<ReportOutcome> {
  if (!isProgrammeLead(person, settings)) return { ok: false, refusal: REPORTS_ARE_FOR_LEADS };
  const parsed = parseReportRequest(text, now);
  if (!parsed.ok) return { ok: false, refusal: parsed.reason };
  return { ok: true, report: await reportFor(store, services, settings, parsed.request, now) };
}

/** The report for a period and department, for callers that have already checked who is asking. */
export async function reportFor(
  store: DocumentStore,
  services: Services,
  settings: DigestSettings,
  request: ReportRequest,
  now: Date,
): Promise<ReportContent> {
  // The period before is read too: its requests, sent and settled before this period began, are
  // what "up from 3" compares with.
  const audience = await loadReportAudience(store, services, reportSpan(request), settings);
  return buildReport(request, audience.world, now);
}
