import { askForCardRedraws } from './cardsToRedraw';
import { openVisitsOf, recheckVisits, type RotaRecheckSummary } from './recheckAfterRotaChange';
import type { Services } from './services';
import type { DocumentStore } from '../store/documentStore';

/**
 * After shifts were written for these people outside a turn (the CLI's rota import, the daily
 * Shifts sync): their open visits checked against the new rota (see recheckAfterRotaChange), and
 * the running service asked to draw the cards already sent about those visits again (see
 * askForCardRedraws). A card may show a time as free, or a shift, that the new rota changed,
 * whether or not the visit itself was, so every visit found is asked about. The visits are found
 * once, before the check moves any of them on.
 */
export async function recheckAndAskForRedraws(
  services: Services,
  store: DocumentStore,
  personIds: Iterable<string>,
  now: Date,
): Promise<RotaRecheckSummary> {
  const visits = await openVisitsOf(services, personIds);
  const summary = await recheckVisits(services, visits, now);
  await askForCardRedraws(store, visits, now);
  return summary;
}
