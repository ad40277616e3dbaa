import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../../store/documentStore';
import { believedPause, MAX_SEND_PAUSE_MS, SEND_SCHEDULE_ID, type SendScheduleDoc } from './reserveSendSlots';

/** The pause after a 429 without Retry-After; it doubles with each 429 after a pause has ended. */
export const FIRST_BACKOFF_MS = 1_000;
/** With no 429 for this long, the next pause without Retry-After starts again from FIRST_BACKOFF_MS. */
export const THROTTLE_QUIET_MS = 60_000;

export interface ThrottleReport {
  /** What the connector's Retry-After asked for, in milliseconds (undefined: it gave none). */
  retryAfterMs: number | undefined;
  /** This instance's clock, milliseconds since 1970. */
  now: () => number;
}

/**
 * Notes in the shared schedule that the Bot Connector answered 429, so that no instance is given a
 * send slot before the pause ends (see reserveSendSlots), and resolves when it ends (ms since 1970).
 * The pause is Retry-After (at most MAX_SEND_PAUSE_MS), or without one a back-off that doubles on
 * each 429 after the last pause ended and starts again after THROTTLE_QUIET_MS without one (a 429
 * without Retry-After during a pause, for a send let go before it, leaves the pause as it is).
 * One write conditional on the version read, as slots are reserved, so no reservation is lost.
 */
export async function pauseSendSchedule(store: DocumentStore, report: ThrottleReport): Promise<number> {
  for (;;) {
    const found = await store.read<SendScheduleDoc>('jobs', SEND_SCHEDULE_ID, SEND_SCHEDULE_ID);
    const at = report.now();
    const pausedUntil = believedPause(found?.doc, at);
    const strikes = strikesAfter(found?.doc, at, pausedUntil);
    const wanted = report.retryAfterMs ?? FIRST_BACKOFF_MS * 2 ** (strikes - 1);
    // Without Retry-After, a 429 during a pause is for a send let go before it: the pause stands.
    const sameEpisode = report.retryAfterMs === undefined && at < pausedUntil;
    const until = sameEpisode ? pausedUntil : Math.max(pausedUntil, at + Math.min(wanted, MAX_SEND_PAUSE_MS));
    const doc: SendScheduleDoc = {
      id: SEND_SCHEDULE_ID,
      kind: SEND_SCHEDULE_ID,
      nextSlotMicros: 0,
      ...found?.doc,
      pausedUntilMicros: Math.round(until * 1000),
      throttle: { strikes, lastAt: at },
    };
    try {
      if (found) await store.replace('jobs', doc, { ifMatch: found.etag });
      else await store.create('jobs', doc);
      return until;
    } catch (error) {
      if (!(error instanceof DocumentExistsError || error instanceof VersionConflictError)) throw error;
    }
  }
}

/** How many 429s in a row this one makes: one more only if it came after the last pause ended. */
function strikesAfter(doc: SendScheduleDoc | undefined, now: number, pausedUntil: number): number {
  const last = doc?.throttle;
  if (!last || now - last.lastAt > THROTTLE_QUIET_MS) return 1;
  return now < pausedUntil ? last.strikes : last.strikes + 1;
}
