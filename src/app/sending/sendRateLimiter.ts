import { randomUUID } from 'node:crypto';
import { createKeyedQueue } from '../../shared/keyedQueue';
import type { DocumentStore } from '../../store/documentStore';
import { AnsweredWindow, type SendPermit } from './answeredWindow';
import { pauseSendSchedule } from './pauseSendSchedule';
import { lateToleranceMs, reserveSendSlots, TEAMS_PER_SECOND } from './reserveSendSlots';
import { WindowShare } from './windowShare';

export { lateToleranceMs, TEAMS_PER_SECOND };
export type { SendPermit };

/**
 * Waits until a request to the Bot Connector (a proactive message, or a card drawn again) about
 * this conversation may go; never drops one. Every such request takes a permit, and says when it
 * was answered (see AnsweredWindow; sendInWindow does both).
 */
export interface SendLimiter {
  take(conversationId: string): Promise<SendPermit>;
  /**
   * The Bot Connector answered 429 (with Retry-After in ms, if it gave one): every instance's
   * sends are held back for a while. Resolves how long from now, in ms, until they go again.
   */
  throttled?(retryAfterMs: number | undefined): Promise<number>;
}

/**
 * Teams allows a bot about 50 proactive messages a second per tenant, all instances together: the
 * whole budget. The room for sends that go late or take a while to reach Teams is kept by how far
 * apart the slots are (see marginMs in reserveSendSlots), not by asking for fewer.
 */
export const DEFAULT_SEND_RATE_PER_SECOND = TEAMS_PER_SECOND;
/** Teams allows 7 a second in one conversation; 5 leaves room for the bot's replies in it. */
export const PER_CONVERSATION_PER_SECOND = 5;
/**
 * A send woken later than its slot allows (see lateToleranceMs; this process was too busy to wake
 * on time) takes a new slot instead of going out together with the ones after it; after this many
 * misses it goes anyway, so a machine that is always late still sends.
 */
const MISSES_BEFORE_SENDING_LATE = 3;

/** How late `at` is after `slot` (both ms since 1970), to the microsecond: times this large carry rounding errors. */
export function lateness(at: number, slot: number): number {
  return Math.round((at - slot) * 1000) / 1000;
}

/** When a send was let go: its slot and the moment it went (ms since 1970), and what held it back. */
export interface Grant {
  conversationId: string;
  slot: number;
  at: number;
  misses: number;
  /** How late (ms) this process woke for each slot it missed, in order. */
  missedBy: number[];
  /** How long (ms) it then waited for the answers to earlier requests (see AnsweredWindow). */
  heldMs: number;
}
/**
 * Slots a reservation takes beyond those its waiting senders need, for the senders that come next.
 * A spare that no sender takes in time is lost (at most this many, about 60 ms, when sending stops).
 */
export const SPARE_SLOTS = 3;
/**
 * Spare slots while other instances send too: a slot one instance holds is one no other can use,
 * so an instance that stalls (its process waiting for the CPU) leaves fewer of them empty.
 */
export const SPARE_SLOTS_SHARED = 1;
/** The longest lead a slow store is allowed to add before the first slot of a reservation. */
const MAX_LEAD_MS = 1000;

export interface SendRateLimiterOptions {
  /** Where the schedule shared by every instance is kept. */
  store: DocumentStore;
  perSecond?: number;
  perConversationPerSecond?: number;
  /** Slots taken from the shared schedule in one write, at most. */
  maxSlotsPerReservation?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Told of every send as it is let go (for measuring how late sends go). */
  onGrant?: (grant: Grant) => void;
  /** Told of every reservation's slots (ms since 1970) as it is taken (for measuring slots left unused). */
  onReserve?: (slots: readonly number[]) => void;
  /** This instance's name in the shared schedule (a fresh one by default). */
  instance?: string;
}

/** A slot this instance holds: when (ms since 1970), and how late a send may go in it (see lateToleranceMs). */
interface Slot {
  at: number;
  toleranceMs: number;
}

interface Waiter {
  resolve: (slot: Slot) => void;
  reject: (error: unknown) => void;
}

/**
 * Keeps proactive sends under Teams' limits across every instance of the service: sends are
 * spaced evenly, at most perSecond a second and any 50 over a second plus the room for a send
 * that goes a little late or takes a while to reach Teams (see slotSpacingMicros and marginMs;
 * more room for a moment after an instance starts), from one schedule kept in the store (see
 * reserveSendSlots), so two instances share the budget instead of each using all of it. Each
 * instance also holds its own requests to its part of the 50 in any second at the connector,
 * floor(50 / instances sending), counted from their answers (see AnsweredWindow and WindowShare),
 * so together they never put 51 in a second whatever their trips. A send may go as late after its
 * slot as that room allows (see lateToleranceMs). This instance's waiting senders take their
 * slots together, in one conditional write. Each
 * conversation also gets at most perConversationPerSecond, counted in this instance. A slot
 * this process woke too late for is given up rather than spent beside the next one, and slots are
 * asked for as far ahead as the last reservation took, so a slow store does not make them late.
 * If the store cannot be reached, take() rejects and the message is tried again later. When the
 * Bot Connector answers 429, throttled() pauses the shared schedule, so no instance sends into
 * throttling until the pause ends; each instance hears of it at its next reservation.
 */
export class SendRateLimiter implements SendLimiter {
  private readonly store: DocumentStore;
  private readonly perSecond: number;
  private readonly perConversation: number;
  private readonly maxSlots: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly inConversationOrder = createKeyedQueue();
  /** This instance's last 50 requests and their answers: the 51st waits a second after the 1st's. */
  private readonly window: AnsweredWindow;
  /** Holds the window to this instance's part of the 50 while others send (26th after the 1st's for two). */
  private readonly share: WindowShare;
  private readonly conversationTimes = new Map<string, number[]>();
  private lastSweep = 0;
  private waiting: Waiter[] = [];
  /** Slots reserved for this instance's next senders, earliest first. */
  private readonly spare: Slot[] = [];
  private reserving = false;
  /** How long the last reservation took: the next one asks for slots no earlier than that from now. */
  private leadMs = 0;
  private readonly onGrant: ((grant: Grant) => void) | undefined;
  private readonly onReserve: ((slots: readonly number[]) => void) | undefined;
  private readonly instance: string;
  /** How many instances were sending at the last reservation. */
  private instances = 1;
  /** The latest end of a pause after a 429 this instance knows of (ms since 1970): no send goes before it. */
  private pausedUntil = 0;

  constructor(options: SendRateLimiterOptions) {
    this.instance = options.instance ?? randomUUID();
    const perSecond = options.perSecond ?? DEFAULT_SEND_RATE_PER_SECOND;
    this.store = options.store;
    this.perSecond = perSecond;
    this.onGrant = options.onGrant;
    this.onReserve = options.onReserve;
    this.perConversation = options.perConversationPerSecond ?? PER_CONVERSATION_PER_SECOND;
    this.maxSlots = options.maxSlotsPerReservation ?? Math.max(1, Math.ceil(perSecond / 5));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.window = new AnsweredWindow(this.now, TEAMS_PER_SECOND);
    this.share = new WindowShare(this.window, this.now);
  }

  /**
   * Resolves when a request about this conversation may go: in a slot of the shared schedule woken
   * for on time, and (see AnsweredWindow) a second after the answer to this instance's request 50
   * places before it (floor(50 / k) places while k instances send, see WindowShare). A send held
   * back by that answer keeps its slot: the wait is the trip of an earlier request, which the
   * schedule cannot see.
   */
  take(conversationId: string): Promise<SendPermit> {
    return this.inConversationOrder(conversationId, async () => {
      await this.waitForConversation(conversationId);
      const missedBy: number[] = [];
      for (let misses = 0; ;) {
        const { at: slot, toleranceMs } = await this.nextSlot();
        await this.sleepUntil(slot);
        // Taken before a pause this instance has heard of since: a slot after the pause instead,
        // asked for once the pause is over (so a pause the store no longer holds costs no writes).
        if (slot < this.pausedUntil) {
          await this.sleepUntil(this.pausedUntil);
          continue;
        }
        const at = this.now();
        if (lateness(at, slot) <= toleranceMs || misses + 1 >= MISSES_BEFORE_SENDING_LATE) {
          await this.waitForWindow();
          const permit = this.window.let();
          const went = this.now();
          this.record(conversationId, went);
          this.onGrant?.({ conversationId, slot, at: went, misses, missedBy, heldMs: lateness(went, at) });
          return permit;
        }
        misses += 1;
        missedBy.push(lateness(at, slot));
      }
    });
  }

  /**
   * Pauses the schedule every instance shares (see pauseSendSchedule) and drops this instance's
   * spare slots from before the pause; senders already waiting for such a slot take a new one
   * after it. Resolves how long from now until sends go again, in ms.
   */
  async throttled(retryAfterMs: number | undefined): Promise<number> {
    const until = await pauseSendSchedule(this.store, { retryAfterMs, now: this.now });
    this.notePause(until);
    return Math.max(0, until - this.now());
  }

  private notePause(until: number): void {
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    while (this.spare.length > 0 && (this.spare[0] as Slot).at < until) this.spare.shift();
  }

  /** Until the answers to this instance's earlier requests let one more go (see AnsweredWindow). */
  private async waitForWindow(): Promise<void> {
    for (let wait = this.window.blocker(); wait !== undefined; wait = this.window.blocker())
      await (typeof wait === 'number' ? this.sleepUntil(wait) : wait);
  }

  /** A timer may fire a fraction of a millisecond early: never wakes before `at`. */
  private async sleepUntil(at: number): Promise<void> {
    for (let wait = at - this.now(); wait > 0; wait = at - this.now()) await this.sleep(wait);
  }

  /** Takes for one conversation run one at a time, so nothing else counts in it meanwhile. */
  private async waitForConversation(conversationId: string): Promise<void> {
    for (;;) {
      const t = this.now();
      const times = withinSecond(this.conversationTimes.get(conversationId) ?? [], t);
      if (times.length < this.perConversation) return;
      await this.sleep(Math.max(1, (times[0] as number) + 1000 - t));
    }
  }

  private record(conversationId: string, at: number): void {
    const times = withinSecond(this.conversationTimes.get(conversationId) ?? [], at);
    times.push(at);
    this.conversationTimes.set(conversationId, times);
    // Forget conversations with nothing in the last second, so the map holds only recent ones.
    if (at - this.lastSweep < 1000) return;
    this.lastSweep = at;
    for (const [id, list] of this.conversationTimes)
      if (withinSecond(list, at).length === 0) this.conversationTimes.delete(id);
  }

  private nextSlot(): Promise<Slot> {
    const spare = this.takeSpare();
    if (spare !== undefined) return Promise.resolve(spare);
    return new Promise<Slot>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.reserving) void this.reserveForWaiting();
    });
  }

  /** The earliest spare slot still usable (one passed by more than the tolerance is dropped unused). */
  private takeSpare(): Slot | undefined {
    const now = this.now();
    for (let next = this.spare[0]; next && lateness(now, next.at) > next.toleranceMs; next = this.spare[0])
      this.spare.shift();
    return this.spare.shift();
  }

  /**
   * One reservation at a time; whoever is waiting when it starts shares it, and it takes
   * SPARE_SLOTS more for the senders that come next (SPARE_SLOTS_SHARED while other instances
   * send), so a busy instance writes the schedule about once for every few sends instead of once
   * for each.
   */
  private async reserveForWaiting(): Promise<void> {
    this.reserving = true;
    for (;;) {
      while (this.waiting.length > 0 && this.spare.length > 0) {
        const spare = this.takeSpare();
        if (spare !== undefined) this.waiting.shift()?.resolve(spare);
      }
      if (this.waiting.length === 0) break;
      const served = this.waiting.splice(0, this.maxSlots);
      const asked = this.now();
      try {
        const { slots, instances, joining, pausedUntil, spacingMicros } = await reserveSendSlots(this.store, {
          count: served.length + (this.instances > 1 ? SPARE_SLOTS_SHARED : SPARE_SLOTS),
          perSecond: this.perSecond,
          now: () => this.now() + this.leadMs,
          instance: this.instance,
        });
        this.onReserve?.(slots);
        this.instances = instances;
        this.share.heard(instances);
        this.notePause(pausedUntil);
        this.leadMs = Math.min(Math.max(0, this.now() - asked), MAX_LEAD_MS);
        const toleranceMs = lateToleranceMs(spacingMicros, instances, joining);
        const held = slots.map((at) => ({ at, toleranceMs }));
        served.forEach((waiter, i) => waiter.resolve(held[i] as Slot));
        this.spare.push(...held.slice(served.length));
      } catch (error) {
        for (const waiter of served) waiter.reject(error);
      }
    }
    this.reserving = false;
  }

  /** Conversations this instance remembers sends to (those in the last second or so). */
  get conversationsHeld(): number {
    return this.conversationTimes.size;
  }
}

/** The times within the second before `now`, oldest first (older ones dropped in place). */
function withinSecond(times: number[], now: number): number[] {
  while (times.length > 0 && (times[0] as number) <= now - 1000) times.shift();
  return times;
}
