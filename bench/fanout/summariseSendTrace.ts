import { describeLatency, round, type Latency } from '../support/stats';

/** One send as a worker traced it (ms since 1970), with when the connector read it. */
export interface TracedSend {
  conversation: string;
  /** The slot it was given, and when it was let go, by the limiter's clock. */
  slot: number;
  wentAt: number;
  /** When it was let go, when it was handed to fetch, and when the connector read it, by one clock. */
  at: number;
  fetchedAt?: number;
  arrived?: number;
  /** How late the sender woke for each slot it gave up first. */
  missedBy: number[];
  misses: number;
  /** How long it waited for the answers to earlier requests once woken (see AnsweredWindow). */
  heldMs?: number;
}

export interface TracedInstance {
  reserved: number[];
  sends: TracedSend[];
}

/** Where a round's time went between its first and last message at the connector. */
export interface SendTraceSummary {
  /** Seconds from the first message read by the connector to the last. */
  windowSeconds: number;
  /** Slots reserved that no send used: given up by a sender that woke too late, or spare. */
  unusedSlots: number;
  unusedSlotSeconds: number;
  /** How late senders woke for the slots they gave up, ms. */
  missedByMs: Latency;
  /** Time between reserved slots, all instances together, beyond one spacing: the schedule empty. */
  scheduleIdleSeconds: number;
  /** Seconds until the last instance's first message reached the connector, and after the first finished. */
  startSeconds: number;
  tailSeconds: number;
  /** From let go to handed to fetch (in the process), and from fetch to read by the connector, ms. */
  letGoToFetchMs: Latency;
  fetchToConnectorMs: Latency;
  /** The shortest span, ms, of any 51 messages by when the connector read them (over 1,000: never 51 in a second). */
  shortestSpanOf51Ms: number;
  /** Messages sent by each instance. */
  sentBy: number[];
  /** Sends held back after their slot until a second after the answer to the one 50 before, and for how long (ms). */
  heldByAnswers: { sends: number; ms: Latency };
}

/** Summarises the sends each instance traced (FANOUT_TRACE_SENDS) with when the connector read them. */
export function summariseSendTrace(instances: readonly TracedInstance[]): SendTraceSummary {
  const sends = instances.flatMap((instance) => instance.sends);
  const arrivals = sends
    .map((send) => send.arrived)
    .filter((at): at is number => at !== undefined)
    .sort((a, b) => a - b);
  const first = arrivals[0] ?? 0;
  const last = arrivals[arrivals.length - 1] ?? 0;
  const used = new Set(sends.map((send) => send.slot));
  const reserved = instances.flatMap((instance) => instance.reserved).sort((a, b) => a - b);
  const unused = reserved.filter((slot) => !used.has(slot));
  const gaps = reserved.slice(1).map((slot, i) => slot - (reserved[i] as number));
  const spacing = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
  const idle = gaps.filter((gap) => gap > 1.5 * spacing).reduce((sum, gap) => sum + gap - spacing, 0);
  const firsts = instances.map((instance) => Math.min(...arrivalsOf(instance)));
  const lasts = instances.map((instance) => Math.max(...arrivalsOf(instance)));
  const fetched = sends.filter((send) => send.fetchedAt !== undefined && send.arrived !== undefined);
  let shortest = Infinity;
  for (let i = 0; i + 50 < arrivals.length; i += 1)
    shortest = Math.min(shortest, (arrivals[i + 50] as number) - (arrivals[i] as number));
  return {
    windowSeconds: round((last - first) / 1000, 2),
    unusedSlots: unused.length,
    unusedSlotSeconds: round((unused.length * spacing) / 1000, 2),
    missedByMs: describeLatency(sends.flatMap((send) => send.missedBy)),
    scheduleIdleSeconds: round(idle / 1000, 2),
    startSeconds: round((Math.max(...firsts) - first) / 1000, 2),
    tailSeconds: round((last - Math.min(...lasts)) / 1000, 2),
    letGoToFetchMs: describeLatency(fetched.map((send) => (send.fetchedAt as number) - send.at)),
    fetchToConnectorMs: describeLatency(
      fetched.map((send) => (send.arrived as number) - (send.fetchedAt as number)),
    ),
    shortestSpanOf51Ms: round(shortest, 1),
    sentBy: instances.map((instance) => instance.sends.length),
    heldByAnswers: {
      sends: sends.filter((send) => (send.heldMs ?? 0) > 0).length,
      ms: describeLatency(sends.map((send) => send.heldMs ?? 0).filter((ms) => ms > 0)),
    },
  };
}

function arrivalsOf(instance: TracedInstance): number[] {
  return instance.sends.map((send) => send.arrived).filter((at): at is number => at !== undefined);
}
