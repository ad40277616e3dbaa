import type { TurnContext } from 'botbuilder';
import { makeReport, type ReportOutcome } from '../../app/digest/makeReport';
import type { Services } from '../../app/services';
import type { DigestSettings } from '../../domain/digest/digestSettings';
import type { Person } from '../../domain/people';
import type { DocumentStore } from '../../store/documentStore';
import { createReportCard } from '../cards/reportCard';
import { sendCard } from '../replies';
import { NOT_IN_DIRECTORY } from './commandHandlers';

/** Builds a report for a person from their typed words, or says why not. */
export type ReportMaker = (person: Person, text: string, now: Date) => Promise<ReportOutcome>;

export function createReportMaker(
  store: DocumentStore,
  services: Services,
  settings: DigestSettings,
): ReportMaker {
  return (person, text, now) => makeReport(store, services, settings, person, text, now);
}

/** "report", "report last month", "report from 1 Oct to 31 Oct for Acute Medicine". */
export function isReportRequest(text: string): boolean {
  return /^reports?\b/i.test(text.trim());
}

/** Answers a report request: the report card for a programme lead, a polite refusal for anyone else. */
export async function runReport(
  context: TurnContext,
  person: Person | undefined,
  text: string,
  reports: ReportMaker,
  now: Date,
): Promise<void> {
  if (!person) return void (await context.sendActivity(NOT_IN_DIRECTORY));
  const outcome = await reports(person, text, now);
  if (!outcome.ok) return void (await context.sendActivity(outcome.refusal));
  await sendCard(context, createReportCard(outcome.report), 'Job shadowing report');
}
