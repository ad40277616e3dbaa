import type { ReportContent } from '../../domain/digest/digestTypes';
import { outlineReport } from '../../domain/digest/outlineDigest';
import { adaptiveCard, type AdaptiveCardJson } from './cardTypes';
import { outlineCardBody } from './outlineCardParts';

/** A programme lead's report for a period and, optionally, one department. */
export function createReportCard(report: ReportContent): AdaptiveCardJson {
  return { ...adaptiveCard(outlineCardBody(outlineReport(report))), msteams: { width: 'Full' } };
}
