import { readClashSources } from './loadClashContext';
import { windowOf } from './readAheadDecision';
import type { Services } from './services';

/** What a "Send to my manager" button says of the host and time chosen; a hint, never a fact. */
export interface SendHint {
  visitorId: string;
  hostId: string;
  offerId: string;
  start: string;
  end: string;
}

/**
 * Starts reading what sending a request reads, from the host and time as the button carries
 * them: the offer, both rotas, the host's places and the visitor's other visits. Only reads, kept
 * for this turn: the sending works from the draft the conversation holds, so a button older than
 * the draft (the time chosen again since) just leaves what was read ahead unused.
 */
export function readAheadSend(services: Services, hint: SendHint): void {
  const window = windowOf(hint.start, hint.end);
  if (!window) return;
  const offer = { hostId: hint.hostId, id: hint.offerId };
  const reads = [
    services.offers.find(offer.hostId, offer.id),
    readClashSources(services, hint.visitorId, offer, window),
  ];
  // A failure is the business of the sending, which reads again what it needs.
  for (const read of reads) read.catch(() => undefined);
}
