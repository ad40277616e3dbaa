import { createServices } from '../../app/services';
import { importOffer, type OfferImportOutcome } from '../../app/offers/importOffers';
import { parseOfferCsv } from '../../domain/import/parseOfferCsv';
import type { Person } from '../../domain/people';
import type { DocumentStore } from '../../store/documentStore';
import type { TextOutput } from '../cliContext';
import { chooseProgress, formatCount } from '../import/progressBar';
import { readImportFile } from '../import/readImportFile';
import { enforceAllOrNothing } from '../import/reportBadRows';
import { UsageError } from '../reportFailure';

export interface OffersImportDeps {
  store: DocumentStore;
  out: TextOutput;
  err: TextOutput & { isTTY?: boolean };
  now: () => Date;
}

export interface OffersImportOptions {
  file: string;
  skipInvalid: boolean;
}

export type OffersImportResult = Record<OfferImportOutcome, number> & {
  badRows: number;
  /** Offers paused until their host accepts the induction terms. */
  awaitingInduction: number;
};

/**
 * `offers import <file>`: reads a host-offer CSV, checks every row before writing anything, then
 * creates or updates each offer (the host's offer with the same title). Offers not in the file are
 * left alone. An offer in a sensitive setting is paused until its host accepts the induction terms
 * on the card the bot sends.
 */
export async function runOffersImport(
  deps: OffersImportDeps,
  options: OffersImportOptions,
): Promise<OffersImportResult> {
  if (!options.file.toLowerCase().endsWith('.csv'))
    throw new UsageError(`"${options.file}" is not a CSV file: the offers import reads a .csv file.`);
  const text = await readImportFile(options.file);
  const services = createServices(deps.store, deps.now);
  const hosts = new Map<string, Person>(
    (await services.people.listAll()).map((person) => [person.email.trim().toLowerCase(), person]),
  );
  const parsed = parseOfferCsv(text, (email) => hosts.has(email));
  enforceAllOrNothing(deps.err, parsed.errors, {
    skipInvalid: options.skipInvalid,
    goodRows: parsed.rows.length,
  });
  const result: OffersImportResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    badRows: parsed.errors.length,
    awaitingInduction: 0,
  };
  const progress = chooseProgress(deps.err, 'Importing offers', parsed.rows.length);
  for (const entry of parsed.rows) {
    const imported = await importOffer(services, hosts.get(entry.hostEmail) as Person, entry, deps.now());
    result[imported.outcome] += 1;
    if (imported.offer.awaitingInduction) result.awaitingInduction += 1;
    progress.advance();
  }
  progress.finish();
  deps.out.write(`${describeOffersImport(result)}\n`);
  return result;
}

export function describeOffersImport(result: OffersImportResult): string {
  const total = result.created + result.updated + result.unchanged;
  const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
  const waiting =
    result.awaitingInduction > 0
      ? ` ${plural(result.awaitingInduction, 'offer')} in a ward, theatre, A&E or critical care ` +
        `${result.awaitingInduction === 1 ? 'waits' : 'wait'} paused until the host accepts the induction terms on the card sent to them.`
      : '';
  const skipped = result.badRows > 0 ? ` ${plural(result.badRows, 'bad row')} left out.` : '';
  return (
    `Imported ${plural(total, 'offer')}: ${formatCount(result.created)} new, ${formatCount(result.updated)} updated, ` +
    `${formatCount(result.unchanged)} unchanged.${waiting}${skipped}`
  );
}
