/** A request let go through an AnsweredWindow: say when its answer (or its failure) came. */
export interface SendPermit {
  /** The Bot Connector answered, the request failed or it was cut off; later calls change nothing. */
  answered(): void;
}

interface Sent {
  answeredAt: number | undefined;
  answer: Promise<void>;
  permit: SendPermit;
}

/**
 * Holds "never more than `limit` requests in any `spanMs` where they are read" for the requests of
 * one instance, however long each takes to get there: a request goes only once every request
 * `limit` or more places before it has been answered, and `spanMs` after the latest of those
 * answers. The Bot Connector reads a request before it answers it, and cannot read one before it
 * is let go, so of any `limit + 1` requests the last is read at least `spanMs` after the first:
 * never `limit + 1` in one span, whether a request waited in this process, on the network or in
 * the connector. The even slots of the shared schedule leave room for a quick answer, so on a
 * near connector this rarely holds a send back; a far one (a trip of 100-300 ms) makes it the pace.
 *
 * The limit can change (setLimit: Teams' 50 divided among the instances sending, see
 * SendRateLimiter). It is read afresh for every request, counting back over the requests already
 * let, so a tighter limit holds the very next request to it, and a looser one frees the next
 * request at once. The window remembers `capacity` requests, the most any limit counts back.
 */
export class AnsweredWindow {
  /** The last requests let go, oldest first: at most `capacity - 1` once settled. */
  private readonly recent: Sent[] = [];
  /** The latest answer among the requests `capacity` or more places back (ms since 1970). */
  private settledAnswer = -Infinity;
  private limit: number;

  constructor(
    private readonly now: () => number,
    private readonly capacity: number,
    private readonly spanMs = 1000,
  ) {
    this.limit = capacity;
  }

  /** From the next request on, at most `limit` (a whole number from 1 to the capacity) in any span. */
  setLimit(limit: number): void {
    this.limit = Math.min(this.capacity, Math.max(1, Math.floor(limit)));
  }

  /** The number of requests in any span this window now holds to. */
  get currentLimit(): number {
    return this.limit;
  }

  /**
   * What the next request must wait for: nothing (undefined), the answer to a request `limit` or
   * more places back still on its way, or a time (ms since 1970). Once it resolves undefined, let()
   * must follow without waiting in between, so no other request goes meanwhile.
   */
  blocker(): Promise<void> | number | undefined {
    while (this.recent.length >= this.capacity) {
      const oldest = this.recent[0] as Sent;
      if (oldest.answeredAt === undefined) return oldest.answer;
      this.settledAnswer = Math.max(this.settledAnswer, oldest.answeredAt);
      this.recent.shift();
    }
    let latest = this.settledAnswer;
    // The request at index i is recent.length - i places before the next one.
    for (let i = 0; i <= this.recent.length - this.limit; i += 1) {
      const sent = this.recent[i] as Sent;
      if (sent.answeredAt === undefined) return sent.answer;
      latest = Math.max(latest, sent.answeredAt);
    }
    const opens = latest + this.spanMs;
    return this.now() < opens ? opens : undefined;
  }

  /** Notes a request let go now (see blocker); its permit says when it was answered. */
  let(): SendPermit {
    let resolve = () => {};
    const sent: Sent = {
      answeredAt: undefined,
      answer: new Promise<void>((done) => (resolve = done)),
      permit: {
        answered: () => {
          if (sent.answeredAt !== undefined) return;
          sent.answeredAt = this.now();
          resolve();
        },
      },
    };
    this.recent.push(sent);
    return sent.permit;
  }
}

/** Makes one request to the Bot Connector in a permit of `take` and notes when it was answered. */
export async function sendInWindow<T>(
  take: (conversationId: string) => Promise<SendPermit>,
  conversationId: string,
  request: () => Promise<T>,
): Promise<T> {
  const permit = await take(conversationId);
  try {
    return await request();
  } finally {
    permit.answered();
  }
}
