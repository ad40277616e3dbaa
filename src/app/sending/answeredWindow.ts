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
 */
export class AnsweredWindow {
  /** The last requests let go, oldest first: at most `limit - 1` once settled. */
  private readonly recent: Sent[] = [];
  /** The latest answer among the requests `limit` or more places back (ms since 1970). */
  private settledAnswer = -Infinity;

  constructor(
    private readonly now: () => number,
    private readonly limit: number,
    private readonly spanMs = 1000,
  ) {}

  /**
   * What the next request must wait for: nothing (undefined), the answer to a request `limit`
   * places back still on its way, or a time (ms since 1970). Once it resolves undefined, let()
   * must follow without waiting in between, so no other request goes meanwhile.
   */
  blocker(): Promise<void> | number | undefined {
    while (this.recent.length >= this.limit) {
      const oldest = this.recent[0] as Sent;
      if (oldest.answeredAt === undefined) return oldest.answer;
      this.settledAnswer = Math.max(this.settledAnswer, oldest.answeredAt);
      this.recent.shift();
    }
    const opens = this.settledAnswer + this.spanMs;
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
