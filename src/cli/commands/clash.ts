import { loadClashContext, ROTA_MARGIN_DAYS } from '../../app/loadClashContext';
import { createServices, type Services } from '../../app/services';
import { loadConfig } from '../../config/config';
import { loadWorkingTimeSettings } from '../../config/loadWorkingTimeSettings';
import {
  checkVisit,
  suggestSlots,
  withBothBases,
  type Clash,
  type ClashContextInput,
  type ReleaseEntry,
  type TimeBasis,
} from '../../domain/clash';
import type { HostOffer } from '../../domain/offers';
import type { Person } from '../../domain/people';
import { DAY_MS, type Interval } from '../../domain/time/intervals';
import type { DocumentStore } from '../../store/documentStore';
import type { OffersRepository } from '../../store/repositories/offersRepository';
import type { PeopleRepository } from '../../store/repositories/peopleRepository';
import type { TextOutput } from '../cliContext';
import { inferSessionLength } from '../clash/inferSessionLength';
import { readVisitTimes } from '../clash/readVisitTimes';
import { UsageError } from '../reportFailure';

export interface ClashDeps {
  store: DocumentStore;
  out: TextOutput;
  /** Settings, for WORKING_TIME_RULES_FILE; the shipped rules without it. */
  env?: NodeJS.ProcessEnv;
}

export interface ClashOptions {
  person: string;
  start: string;
  end: string;
  host?: string;
}

/** The documented JSON: the keys are printed as they are named here. */
export interface ClashAnswer {
  ok: boolean;
  clashes: Clash[];
  release: ReleaseEntry[];
  warnings: Clash[];
  suggestions: Array<{ start: string; end: string; time_basis: TimeBasis }>;
}

/** Suggestions come from this many days after the proposed start. */
export const SUGGESTION_WINDOW_DAYS = 14;
const SUGGESTION_COUNT = 3;

/**
 * `clash --person <email> --start <ISO> --end <ISO> [--host <email>]`: checks a proposed visit for
 * the person (and the host, through the host's first active offer) and prints one JSON object with
 * the clashes, the rostered time to be released, warnings and the next three clash-free slots of
 * the same kind within 14 days, each in work time or own time.
 */
export async function runClash(deps: ClashDeps, options: ClashOptions): Promise<ClashAnswer> {
  const visit = readVisitTimes(options.start, options.end);
  const workingTime = await loadWorkingTimeSettings(loadConfig(deps.env ?? {}).workingTimeRulesFile);
  const services = createServices(deps.store, undefined, undefined, undefined, { workingTime });
  const visitor = await findPerson(services.people, '--person', options.person);
  const host =
    options.host === undefined ? undefined : await findPerson(services.people, '--host', options.host);
  const context = await loadContext(services, visitor, host, visit);
  const answer = answerClash(context, visit);
  deps.out.write(`${JSON.stringify(answer)}\n`);
  return answer;
}

/** The check and the suggestions, from rotas already loaded. Pure. */
export function answerClash(context: ClashContextInput, visit: Interval): ClashAnswer {
  const report = checkVisit({ ...context, start: visit.start, end: visit.end });
  const found = suggestSlots({
    ...context,
    from: visit.start,
    to: visit.start + SUGGESTION_WINDOW_DAYS * DAY_MS,
    length: inferSessionLength(visit),
    count: SUGGESTION_COUNT + 1,
  });
  const others = found.filter(
    (slot) => Date.parse(slot.start) !== visit.start || Date.parse(slot.end) !== visit.end,
  );
  const suggestions = withBothBases(others, SUGGESTION_COUNT, (slot) => slot.timeBasis)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .map(({ start, end, timeBasis }) => ({ start, end, time_basis: timeBasis }));
  return {
    ok: report.ok,
    clashes: report.clashes,
    release: report.release,
    warnings: report.warnings,
    suggestions,
  };
}

async function findPerson(people: PeopleRepository, option: string, email: string): Promise<Person> {
  const trimmed = email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(trimmed))
    throw new UsageError(`${option} "${email}" is not an email address.`);
  const person = await people.findByEmail(trimmed);
  if (!person) throw new UsageError(`${option}: no one with email "${trimmed}" is in the staff directory.`);
  return person;
}

/**
 * Both rotas, over the visit and the suggestion window. With --host, the host's first active offer
 * (or, if all are paused, the first, so the answer says it is paused); a host with no offers at
 * all is checked on their rota only.
 */
async function loadContext(
  services: Services,
  visitor: Person,
  host: Person | undefined,
  visit: Interval,
): Promise<ClashContextInput> {
  const window = {
    from: new Date(visit.start),
    to: new Date(Math.max(visit.end, visit.start + SUGGESTION_WINDOW_DAYS * DAY_MS)),
  };
  const offer = host ? await chooseOffer(services.offers, host) : undefined;
  const context = await loadClashContext(services, visitor, offer, window);
  if (!host || offer) return context;
  const hostShifts = await services.rota.shiftsBetween(
    host.id,
    new Date(visit.start - ROTA_MARGIN_DAYS * DAY_MS),
    new Date(window.to.getTime() + ROTA_MARGIN_DAYS * DAY_MS),
  );
  return { ...context, hostShifts };
}

async function chooseOffer(offers: OffersRepository, host: Person): Promise<HostOffer | undefined> {
  const all = await offers.listForHost(host.id);
  return all.find((offer) => offer.status === 'active') ?? all[0];
}
