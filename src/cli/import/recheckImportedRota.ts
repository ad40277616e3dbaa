import type { RotaRecheckSummary } from '../../app/recheckAfterRotaChange';
import { recheckAndAskForRedraws } from '../../app/recheckAndAskForRedraws';
import { createServices } from '../../app/services';
import { loadConfig } from '../../config/config';
import { loadWorkingTimeSettings } from '../../config/loadWorkingTimeSettings';
import type { DocumentStore } from '../../store/documentStore';
import { formatCount } from './progressBar';

/**
 * After shifts were written for these people: their open visits checked against the new rota,
 * under the working-time rules WORKING_TIME_RULES_FILE names (the shipped ones without it).
 * Messages are queued in the outbox; the running service sends them, and draws the cards already
 * sent about those visits again where what they show has changed (see askForCardRedraws).
 */
export async function recheckImportedRota(
  store: DocumentStore,
  changedPeople: readonly string[],
  now: () => Date,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<RotaRecheckSummary> {
  const workingTime = await loadWorkingTimeSettings(loadConfig(env).workingTimeRulesFile);
  const services = createServices(store, now, undefined, undefined, { workingTime });
  return recheckAndAskForRedraws(services, store, changedPeople, now());
}

/** One line for the command's output; empty when no open visit was affected by the change. */
export function describeRotaRecheck(summary: RotaRecheckSummary): string {
  if (summary.checked === 0) return '';
  const visits = (count: number) => `${formatCount(count)} ${count === 1 ? 'visit' : 'visits'}`;
  const parts = [
    summary.backToManager > 0
      ? `${visits(summary.backToManager)} sent back to the manager to release again`
      : '',
    summary.noLongerFit > 0 ? `${visits(summary.noLongerFit)} no longer fitting the rota` : '',
    summary.fitAgain > 0 ? `${visits(summary.fitAgain)} fitting the rota again` : '',
  ].filter(Boolean);
  const outcome = parts.length > 0 ? `${parts.join('; ')} (the people concerned will be told)` : 'no change';
  return `Checked ${visits(summary.checked)} still to come against the new rota: ${outcome}.`;
}
