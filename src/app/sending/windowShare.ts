import type { AnsweredWindow } from './answeredWindow';
import { TEAMS_PER_SECOND } from './reserveSendSlots';

/**
 * How long an instance keeps its part of Teams' 50 after its reservations first report fewer
 * instances sending, before it takes the larger part (see WindowShare).
 */
export const LOOSEN_AFTER_MS = 1_000;

/** Each of `instances` sending instances' part of Teams' 50 in any second: floor(50 / instances). */
export function windowLimit(instances: number): number {
  return Math.max(1, Math.floor(TEAMS_PER_SECOND / Math.max(1, instances)));
}

/**
 * Keeps an instance's AnsweredWindow at its part of Teams' 50 while `instances` send: with k of
 * them each holds its own requests to floor(50 / k) in any second at the connector (request n +
 * floor(50 / k) goes a second after the answer to request n), so together they never put 51 in a
 * second, whatever their trips. The count comes from each reservation of the shared schedule
 * (instances that took slots in the last HOLDER_SILENT_MS).
 *
 * When the count goes up (another instance started): tighter at once, from the next request on,
 * counting back over the requests already let, so a request goes only a second after the answer to
 * the one floor(50 / k) before it even if that one went under the old limit. Until this instance's
 * next reservation tells it, it lets go under the old limit only the sends in slots it already
 * holds: one for each of its senders already given one (deliveries run 8 at a time) and its
 * spare slots (SPARE_SLOTS), all earlier in the schedule than the newcomer's first slot (a
 * reservation on its way when the newcomer wrote loses the conditional write and reads the
 * schedule again). Those few requests, with the others of this instance still on their way, and
 * the newcomer's first ones can share a second at the connector: they rest on the schedule's room
 * alone, as every request of two instances did before this rule, so the schedule keeps the wider
 * room of a joining instance (TRIP_ALLOWANCE_MS.joining: 48 a second) for JOINING_MS after it
 * started. A trip longer than that room in that moment could still put 51 in a second (as it
 * could at any time before); closing it would take the instances' answers shared through the
 * store.
 *
 * When the count goes down (another instance took no slot for HOLDER_SILENT_MS, 2 s): looser
 * only after reservations have reported the lower count for LOOSEN_AFTER_MS more. The silent
 * instance let its last requests in slots it took 3 s or more before this one loosens (a send
 * goes within the late tolerance of its slot, or waits in its own window a second after an earlier
 * answer): only a request of its still unread after well over a second on its way could share a
 * second with this instance's requests under the looser limit. A count that goes up again
 * meanwhile keeps the tighter limit.
 */
export class WindowShare {
  /** When reservations first reported a count that would loosen the limit (ms since 1970). */
  private looserSince: number | undefined;

  constructor(
    private readonly window: AnsweredWindow,
    private readonly now: () => number,
  ) {}

  /** A reservation reported `instances` sending (this one included). */
  heard(instances: number): void {
    const limit = windowLimit(instances);
    if (limit <= this.window.currentLimit) {
      this.window.setLimit(limit);
      this.looserSince = undefined;
      return;
    }
    const at = this.now();
    this.looserSince ??= at;
    if (at - this.looserSince < LOOSEN_AFTER_MS) return;
    this.window.setLimit(limit);
    this.looserSince = undefined;
  }
}
