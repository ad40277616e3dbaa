import type { ShadowingRequest } from '../domain/requests';
import type { Services } from './services';
import { readClashSources } from './loadClashContext';

/** What a decision button says of its visit; a hint for reading ahead, never a fact to decide on. */
export interface DecisionHint {
  action: string;
  visitorId: string;
  start?: string;
  end?: string;
  hostId?: string;
  offerId?: string;
}

/** Longer than any visit; a button naming a longer span reads nothing ahead. */
const MOST_HOURS = 24;

/**
 * Starts reading what a manager's approval or a host's acceptance will read once it has read the
 * request, from the visit's time and host as the button carries them: the visitor's rota (the
 * release), for an approval the host and the offer (its card), and for an acceptance the host's
 * rota, the offer, its places and the visitor's other visits (the clash check). Only reads, kept for this turn: the decision itself works from the
 * request it reads, so when a card is older than the request (its time moved) what was read
 * ahead is simply not used and the decision reads what it needs.
 */
export function readAheadDecision(services: Services, hint: DecisionHint): void {
  const window = windowOf(hint.start, hint.end);
  if (!window) return;
  const reads: Promise<unknown>[] = [];
  // The clash check's rota reads come first: the visitor's, with its margins, holds every month
  // of the release's, which is then taken from it rather than read again.
  if (hint.action === 'accept' && hint.hostId && hint.offerId) {
    const offer = { hostId: hint.hostId, id: hint.offerId };
    reads.push(readClashSources(services, hint.visitorId, offer, window));
    reads.push(services.offers.find(offer.hostId, offer.id));
  }
  if (hint.action === 'approve' || hint.action === 'accept')
    reads.push(services.rota.shiftsBetween(hint.visitorId, window.from, window.to));
  // The manager's card after an approval names the host and the offer: read with the request
  // rather than after the approval is saved, beside the messages it queues.
  if (hint.action === 'approve' && hint.hostId && hint.offerId) {
    reads.push(services.people.findById(hint.hostId));
    reads.push(services.offers.find(hint.hostId, hint.offerId));
  }
  // A failure is the business of the decision, which reads again what it needs.
  for (const read of reads) read.catch(() => undefined);
}

/** The window a button's visit names, if it names a plausible one; else nothing is read ahead. */
export function windowOf(
  start: string | undefined,
  end: string | undefined,
): { from: Date; to: Date } | undefined {
  if (!start || !end) return undefined;
  const from = new Date(start);
  const to = new Date(end);
  const hours = (to.getTime() - from.getTime()) / 3_600_000;
  return hours > 0 && hours <= MOST_HOURS ? { from, to } : undefined;
}

/**
 * Starts the reads of the card shown after a decision (the people, the offer, the visitor's rota
 * for the visit) while the decision is written, so the card waits for none of them afterwards.
 * Within a turn each is read once (see ReadAheadStore), so those read already cost nothing. Only
 * reads: the card is still described from the request as written.
 */
export function readAheadCard(services: Services, request: ShadowingRequest): void {
  const reads: Promise<unknown>[] = [];
  for (const id of [request.visitorId, request.managerId, request.hostId])
    if (id) reads.push(services.people.findById(id));
  if (request.hostId && request.offerId) reads.push(services.offers.find(request.hostId, request.offerId));
  if (request.start && request.end)
    reads.push(
      services.rota.shiftsBetween(request.visitorId, new Date(request.start), new Date(request.end)),
    );
  // A failure is the business of the card, which reads again what it needs.
  for (const read of reads) read.catch(() => undefined);
}
