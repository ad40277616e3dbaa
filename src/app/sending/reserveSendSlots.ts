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
  /** The spacing of the slots last taken, microseconds (see reserveSendSlots: a closer one starts later). */
  spacingMicros?: number;
  /** Instance id -> when it last took slots (ms since 1970); only those heard from lately are kept. */
  holders?: Record<string, number>;
  /** Instance id -> when it first took slots since it was last silent (ms since 1970), for each of `holders`. */
  holdersSince?: Record<string, number>;
  /** Microseconds since 1970 until which no slot is given out: the Bot Connector answered 429 (see pauseSendSchedule). */
  pausedUntilMicros?: number;
  /** The 429s in a row that paused the schedule, and when the last came (ms since 1970). */
  throttle?: { strikes: number; lastAt: number };
  [field: string]: unknown;
}

export const SEND_SCHEDULE_ID = 'send-schedule';

/**
 * The longest the shared schedule is paused for one 429, whatever its Retry-After says. The Bot
 * Connector answers 429 both when the whole app sends too fast and when one chat does (Teams
 * limits each conversation too), and its answer does not say which; so every 429 pauses all
 * instances (the safe reading: sending on into app-wide throttling draws more 429s and Teams may
 * throttle harder), but never for longer than this, so a 429 about one chat holds everyone up only
 * briefly. The throttled message itself still waits its whole Retry-After in the outbox.
 */
export const MAX_SEND_PAUSE_MS = 5_000;

/** When the stored pause ends (ms since 1970), or 0: one further ahead than any pause we write is a wrong clock's. */
export function believedPause(doc: SendScheduleDoc | undefined, now: number): number {
  const until = (doc?.pausedUntilMicros ?? 0) / 1000;
  return until <= now + MAX_SEND_PAUSE_MS ? until : 0;
}

/**
 * A schedule further ahead than this is not believed (the clock of the instance that wrote it
 * was wrong): slots start again from now. Real demand keeps it well under a second ahead.
 */
export const MAX_SCHEDULE_AHEAD_MS = 10_000;

/**
 * An instance that has taken no slots for this long is taken to have stopped sending. A sending
 * instance takes slots several times a second.
 */
export const HOLDER_SILENT_MS = 2_000;

export interface SlotRequest {
  count: number;
  perSecond: number;
  /** This instance's clock, milliseconds since 1970, read just before the schedule is written. */
  now: () => number;
  /** Which instance takes the slots (noted in the schedule, so each can tell how many are sending). */
  instance?: string;
}

export interface Reservation {
  /** The slots' times in milliseconds since 1970, earliest first. */
  slots: number[];
  /** How many instances, this one included, have taken slots in the last HOLDER_SILENT_MS. */
  instances: number;
  /** Whether one of them started taking slots within the last JOINING_MS (see TRIP_ALLOWANCE_MS). */
  joining: boolean;
  /** Until when (ms since 1970) the schedule is paused after a 429, or 0: no slot before it. */
  pausedUntil: number;
  /** How far apart the slots are, microseconds. */
  spacingMicros: number;
}

/** Teams' own limit: at most 50 proactive messages in any one second per app and tenant. */
export const TEAMS_PER_SECOND = 50;

/**
 * An instance that started taking slots this recently is still joining: the others may not have
 * heard of it yet, and their requests let before they did are held only to their old limit (see
 * SendRateLimiter), so the slots keep the wider room of TRIP_ALLOWANCE_MS.joining meanwhile.
 */
export const JOINING_MS = HOLDER_SILENT_MS;

/** Who takes slots: one instance, several that all know of each other, or several with one just joined. */
export type Sharing = 'alone' | 'shared' | 'joining';

export function sharingOf(instances: number, joining = false): Sharing {
  if (instances <= 1) return 'alone';
  return joining ? 'joining' : 'shared';
}

/**
 * How late after its slot a send may still go, ms (see Sharing). A sender woken later gives its
 * slot up and takes another.
 */
export const WAKE_ALLOWANCE_MS = { alone: 10.2, shared: 10.2, joining: 10.2 } as const;
/**
 * How much longer than the one 50 slots after it a send may take to reach Teams, ms (see Sharing).
 *
 * Alone and shared: each instance holds its own requests to its part of Teams' 50 in any second
 * at the connector (AnsweredWindow with floor(50 / instances), see SendRateLimiter), so all of them
 * together never put 51 in a second whatever their trips; this room only keeps that rule from
 * holding sends back, and one instance's is enough.
 *
 * Joining: for a moment after an instance starts, another may still send under its old, larger
 * limit (it hears of the newcomer at its next reservation); requests of the two then rest on the
 * room alone, so the slots keep the wider room measured for that (docs/benchmarks.md, "fanout: two
 * instances": with two instances on a busy machine, less trip room and more wake room put 51 in a
 * second at the connector in both of two runs where this split kept it to 50).
 */
export const TRIP_ALLOWANCE_MS = { alone: 10.2, shared: 10.2, joining: 31.5 } as const;

/**
 * The room, ms, the schedule leaves beyond one second in any 50 slots: a send let go up to the
 * wake allowance late that takes up to the trip allowance longer to reach Teams than the one 50
 * slots after it still reaches Teams more than a second before it, so Teams never counts 51 in a
 * second. It is kept by spacing the slots, not by a lower budget: 50 slots over 1,000 ms plus this.
 * Every instance's own requests are also held to its part of the 50 however long their trip (see
 * TRIP_ALLOWANCE_MS); only while one joins do requests of two rest on the room alone.
 */
export function marginMs(instances: number, joining = false): number {
  const share = sharingOf(instances, joining);
  return WAKE_ALLOWANCE_MS[share] + TRIP_ALLOWANCE_MS[share];
}

/**
 * The gap between slots in whole microseconds, rounded up: never more than `perSecond` in a
 * second, and any 50 slots over at least 1,000 ms plus marginMs(instances, joining) (20.408 ms, 49
 * a second, alone or shared; 20.834 ms, 48 a second, while one joins).
 */
export function slotSpacingMicros(perSecond: number, instances = 1, joining = false): number {
  const byRate = Math.ceil(1_000_000 / perSecond);
  const byMargin = Math.ceil(Math.round((1000 + marginMs(instances, joining)) * 1000) / TEAMS_PER_SECOND);
  return Math.max(byRate, byMargin);
}

/**
 * How late after its slot a send may go, ms, for slots `spacingMicros` apart taken while
 * `instances` sent: what the spacing leaves beyond one second in any 50 slots once the trip to
 * Teams has its allowance, and never more than one slot (the wake allowance at the fastest pace).
 */
export function lateToleranceMs(spacingMicros: number, instances: number, joining = false): number {
  const trip = Math.round(TRIP_ALLOWANCE_MS[sharingOf(instances, joining)] * 1000);
  const room = TEAMS_PER_SECOND * spacingMicros - 1_000_000 - trip;
  return Math.max(0, Math.min(spacingMicros, room)) / 1000;
}

/**
 * Takes the next `count` free send slots for this instance and resolves their times in
 * milliseconds since 1970, earliest first, with how many instances are sending. The first is now
 * or, if other sends are already booked past now, the first one after them; they are spaced at
 * slotSpacingMicros(perSecond, instances); none before a pause after a 429 has ended (see
 * pauseSendSchedule). Slots closer together than those booked just before them (one instance
 * left) start late enough that any 50 slots still span what the closer ones were given. Race-safe on any store: the
 * schedule moves on with a write conditional on the version just read, so two instances never get
 * the same slot; the one that loses the race reads again.
 */
export async function reserveSendSlots(store: DocumentStore, request: SlotRequest): Promise<Reservation> {
  for (;;) {
    const found = await store.read<SendScheduleDoc>('jobs', SEND_SCHEDULE_ID, SEND_SCHEDULE_ID);
    const booked = found?.doc.nextSlotMicros ?? 0;
    const at = request.now();
    const now = Math.round(at * 1000);
    const pausedUntil = believedPause(found?.doc, at);
    const believed = booked <= now + MAX_SCHEDULE_AHEAD_MS * 1000;
    const wereLive = liveHolders(found?.doc.holders ?? {}, at, undefined);
    const holders = liveHolders(found?.doc.holders ?? {}, at, request.instance);
    const holdersSince = sinceOf(Object.keys(holders), wereLive, found?.doc.holdersSince ?? {}, at);
    const instances = Math.max(1, Object.keys(holders).length);
    const joining = Object.values(holdersSince).some((since) => since > at - JOINING_MS);
    const spacing = slotSpacingMicros(request.perSecond, instances, joining);
    // Slots booked within the last second at a wider spacing: the closer ones start later by what
    // 50 of them would fall short of 50 of those (see marginMs).
    const wider = believed && booked > now - 1_000_000 ? (found?.doc.spacingMicros ?? spacing) - spacing : 0;
    const free = believed ? Math.max(booked + TEAMS_PER_SECOND * Math.max(0, wider), now) : now;
    const first = Math.max(free, Math.round(pausedUntil * 1000));
    const doc: SendScheduleDoc = {
      ...found?.doc,
      id: SEND_SCHEDULE_ID,
      kind: SEND_SCHEDULE_ID,
      nextSlotMicros: first + request.count * spacing,
      spacingMicros: spacing,
      holders,
      holdersSince,
    };
    try {
      if (found) await store.replace('jobs', doc, { ifMatch: found.etag });
      else await store.create('jobs', doc);
      const slots = Array.from({ length: request.count }, (_, i) => (first + i * spacing) / 1000);
      return { slots, instances, joining: instances > 1 && joining, pausedUntil, spacingMicros: spacing };
    } catch (error) {
      if (!(error instanceof DocumentExistsError || error instanceof VersionConflictError)) throw error;
    }
  }
}

/**
 * When each of `ids` started taking slots: as stored for one already live, now for one new or
 * back after falling silent (and for one a schedule written before this was kept holds no time for).
 */
function sinceOf(
  ids: readonly string[],
  wereLive: Record<string, number>,
  stored: Record<string, number>,
  now: number,
): Record<string, number> {
  return Object.fromEntries(ids.map((id) => [id, id in wereLive ? Math.min(stored[id] ?? now, now) : now]));
}

/** The instances that took slots lately (one stamped far ahead had a wrong clock), this one stamped now. */
function liveHolders(
  holders: Record<string, number>,
  now: number,
  instance: string | undefined,
): Record<string, number> {
  const live = Object.fromEntries(
    Object.entries(holders).filter(([, at]) => at > now - HOLDER_SILENT_MS && at <= now + HOLDER_SILENT_MS),
  );
  return instance === undefined ? live : { ...live, [instance]: now };
}
