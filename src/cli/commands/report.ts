import { reportFor } from '../../app/digest/makeReport';
import { createServices } from '../../app/services';
import { readBankHolidayRegion } from '../../config/bankHolidaySettings';
import { readDigestSettings } from '../../config/digestSettings';
import { outlineReport } from '../../domain/digest/outlineDigest';
import { parseReportRequest } from '../../domain/digest/parseReportRequest';
import { renderOutlineText } from '../../domain/digest/renderOutlineText';
import type { DocumentStore } from '../../store/documentStore';
import type { TextOutput } from '../cliContext';
import { UsageError } from '../reportFailure';

export interface ReportDeps {
  store: DocumentStore;
  out: TextOutput;
  now: () => Date;
  env: NodeJS.ProcessEnv;
}

/**
 * `report [words...]`: a programme lead's report as plain text, read from the same words the bot
 * takes ("last month", "from 1 Oct to 31 Oct for Acute Medicine"; nothing: the last four weeks).
 * Reads only; whoever runs the command already holds the store, so no role is checked.
 */
export async function runReport(deps: ReportDeps, words: readonly string[]): Promise<void> {
  const settings = readDigestSettings(deps.env);
  if (!settings.ok) throw new UsageError(settings.problems.join('\n'));
  const region = readBankHolidayRegion(deps.env);
  if (!region.ok) throw new UsageError(region.problems.join('\n'));
  const now = deps.now();
  const parsed = parseReportRequest(words.join(' '), now);
  if (!parsed.ok) throw new UsageError(parsed.reason);
  const services = createServices(deps.store, deps.now, undefined, undefined, {
    bankHolidayRegion: region.settings,
  });
  const report = await reportFor(deps.store, services, settings.settings, parsed.request, now);
  deps.out.write(renderOutlineText(outlineReport(report)));
}
