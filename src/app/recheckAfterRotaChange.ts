import { checkVisit, type ClashReport } from '../domain/clash';
import type { ShadowingRequest } from '../domain/requests';
import { applyRotaRecheck } from '../domain/workflow/applyRotaRecheck';
import {
  decideRotaRecheck,
  isRechecked,
  RECHECKED_STATES,
  type RotaRecheck,
} from '../domain/workflow/rotaRecheck';
import { VersionConflictError } from '../store/documentStore';
import { loadClashContext } from './loadClashContext';
import { notifyRotaRecheck } from './notifyRotaRecheck';
import type { Services } from './services';
import { writeTasks } from './writeTasks';

export interface RotaRecheckSummary {
  /** Open visits of the people whose rota changed, checked again. */
  checked: number;
  /** Sent back to the manager because work time or own time, or the hours released, changed. */
  backToManager: number;
  /** No longer fitting a rota: visitor, host and manager told. */
  noLongerFit: number;
  /** Fitting again after a clash that was told. */
  fitAgain: number;
}

/** Tries at one request when a decision lands between reading and writing it. */
const MAX_TRIES = 5;

/**
 * After a rota change for these people: every pending or confirmed future visit in which one of
 * them is the visitor or the host is checked again against the rotas as they are now. A changed
 * release goes back to the manager whatever REAPPROVE_NEW_TIME says; a visit that no longer fits
 * is told to the visitor, the host and the manager; when nothing relevant changed nobody hears
 * anything. Each write is conditional on the request's version, as every decision is, so running
 * it twice, or beside a decision, makes one change.
 */
export async function recheckAfterRotaChange(
  services: Services,
  personIds: Iterable<string>,
  now: Date,
): Promise<RotaRecheckSummary> {
  return recheckVisits(services, await openVisitsOf(services, personIds), now);
}

/** recheckAfterRotaChange for visits already found (see openVisitsOf). */
export async function recheckVisits(
  services: Services,
  visits: ReadonlyArray<{ visitorId: string; requestId: string }>,
  now: Date,
): Promise<RotaRecheckSummary> {
  const summary: RotaRecheckSummary = { checked: 0, backToManager: 0, noLongerFit: 0, fitAgain: 0 };
  for (const { visitorId, requestId } of visits) {
    const outcome = await recheckRequest(services, visitorId, requestId, now);
    if (outcome === undefined) continue;
    summary.checked += 1;
    if (outcome === 'release_changed') summary.backToManager += 1;
    if (outcome === 'clash') summary.noLongerFit += 1;
    if (outcome === 'clash_cleared') summary.fitAgain += 1;
  }
  return summary;
}

/** The requests, each once, in which these people are the visitor or the host and that may be re-checked. */
export async function openVisitsOf(
  services: Services,
  personIds: Iterable<string>,
): Promise<Array<{ visitorId: string; requestId: string }>> {
  const found = new Map<string, { visitorId: string; requestId: string }>();
  for (const personId of new Set(personIds)) {
    const [asVisitor, asHost] = await Promise.all([
      services.requests.listOpenForVisitor(personId),
      services.tasks.listFor(personId, 'host', RECHECKED_STATES),
    ]);
    for (const r of asVisitor)
      if (RECHECKED_STATES.includes(r.state)) found.set(r.id, { visitorId: r.visitorId, requestId: r.id });
    for (const t of asHost) found.set(t.requestId, { visitorId: t.visitorId, requestId: t.requestId });
  }
  return [...found.values()];
}

/**
 * One request, read, checked and written until the write lands on the version it was read from.
 * Undefined when there was nothing to check (gone, closed, or already past).
 */
async function recheckRequest(
  services: Services,
  visitorId: string,
  requestId: string,
  now: Date,
): Promise<RotaRecheck['outcome'] | undefined> {
  for (let tries = 0; tries < MAX_TRIES; tries += 1) {
    const found = await services.requests.find(visitorId, requestId);
    if (!found) return undefined;
    const report = await checkAgainstRotas(services, found.request, now);
    if (!report) return undefined;
    const recheck = decideRotaRecheck(found.request, report, now);
    const updated = applyRotaRecheck(found.request, recheck, now);
    if (!updated) return 'unchanged';
    try {
      await services.requests.replace(updated, found.etag);
    } catch (error) {
      if (error instanceof VersionConflictError) continue;
      throw error;
    }
    await writeTasks(services.tasks, updated);
    services.notify(await notifyRotaRecheck(services, found.request, updated, recheck, now));
    return recheck.outcome;
  }
  throw new Error(`request ${requestId} kept changing while its visit was checked against the new rota`);
}

/** The visit checked against both rotas as they are now; undefined when it is not one to re-check. */
export async function checkAgainstRotas(
  services: Services,
  request: ShadowingRequest,
  now: Date,
): Promise<ClashReport | undefined> {
  if (!isRechecked(request, now) || !request.start || !request.end) return undefined;
  const [visitor, offer] = await Promise.all([
    services.people.findById(request.visitorId),
    request.hostId && request.offerId
      ? services.offers.find(request.hostId, request.offerId)
      : Promise.resolve(undefined),
  ]);
  if (!visitor) return undefined;
  const context = await loadClashContext(
    services,
    visitor,
    offer?.offer,
    { from: new Date(request.start), to: new Date(request.end) },
    request.id,
  );
  return checkVisit({ ...context, start: request.start, end: request.end });
}
