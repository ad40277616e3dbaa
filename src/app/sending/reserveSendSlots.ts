import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../../store/documentStore';

/**
 * The one schedule of proactive sends that every instance of the service shares: a document in
 * the `jobs` container holding the time of the next free send slot. Slots are evenly spaced, so
 * however many instances take them, no second ever holds more than `perSecond` of them.
 */
export interface SendScheduleDoc {
  id: typeof SEND_SCHEDULE_ID;
  kind: typeof SEND_SCHEDULE_ID;
  /** Microseconds since 1970 (a whole number, so the spacing adds up exactly) of the next free slot. */
  nextSlotMicros: number;
  [field: string]: unknown;
}

export const SEND_SCHEDULE_ID = 'send-schedule';

/**
 * A schedule further ahead than this is not believed (the clock of the instance that wrote it
 * was wrong): slots start again from now. Real demand keeps it well under a second ahead.
 */
export const MAX_SCHEDULE_AHEAD_MS = 10_000;

export interface SlotRequest {
  count: number;
  perSecond: number;
  /** This instance's clock, milliseconds since 1970, read just before the schedule is written. */
  now: () => number;
}

/** The gap between slots in whole microseconds, rounded up: never more than `perSecond` in a second. */
export function slotSpacingMicros(perSecond: number): number {
  return Math.ceil(1_000_000 / perSecond);
}

/**
 * Takes the next `count` free send slots for this instance and resolves their times in
 * milliseconds since 1970, earliest first. The first is now or, if other sends are already
 * booked past now, the first one after them. Race-safe on any store: the schedule moves on with
 * a write conditional on the version just read, so two instances never get the same slot; the
 * one that loses the race reads again.
 */
export async function reserveSendSlots(store: DocumentStore, request: SlotRequest): Promise<number[]> {
  const spacing = slotSpacingMicros(request.perSecond);
  for (;;) {
    const found = await store.read<SendScheduleDoc>('jobs', SEND_SCHEDULE_ID, SEND_SCHEDULE_ID);
    const booked = found?.doc.nextSlotMicros ?? 0;
    const now = Math.round(request.now() * 1000);
    const first = booked <= now + MAX_SCHEDULE_AHEAD_MS * 1000 ? Math.max(booked, now) : now;
    const doc: SendScheduleDoc = {
      id: SEND_SCHEDULE_ID,
      kind: SEND_SCHEDULE_ID,
      nextSlotMicros: first + request.count * spacing,
    };
    try {
      if (found) await store.replace('jobs', doc, { ifMatch: found.etag });
      else await store.create('jobs', doc);
      return Array.from({ length: request.count }, (_, i) => (first + i * spacing) / 1000);
    } catch (error) {
      if (!(error instanceof DocumentExistsError || error instanceof VersionConflictError)) throw error;
    }
  }
}
