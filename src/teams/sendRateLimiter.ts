/**
 * Keeps proactive sends under Teams' limits: about 50 requests a second per app per tenant and
 * 7 a second per conversation. Budgets are set a little below those. Waits, never drops.
 */
export class SendRateLimiter {
  private readonly appTimes: number[] = [];
  private readonly conversationTimes = new Map<string, number[]>();

  constructor(
    private readonly perSecond = 45,
    private readonly perConversationPerSecond = 5,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async take(conversationId: string): Promise<void> {
    for (;;) {
      const t = this.now();
      const app = prune(this.appTimes, t);
      const conv = prune(this.conversationTimes.get(conversationId) ?? [], t);
      this.conversationTimes.set(conversationId, conv);
      if (app.length < this.perSecond && conv.length < this.perConversationPerSecond) {
        app.push(t);
        conv.push(t);
        return;
      }
      const oldest = Math.min(
        app.length >= this.perSecond ? (app[0] as number) : Infinity,
        conv.length >= this.perConversationPerSecond ? (conv[0] as number) : Infinity,
      );
      await this.sleep(Math.max(1, oldest + 1000 - t));
    }
  }
}

function prune(times: number[], now: number): number[] {
  while (times.length > 0 && (times[0] as number) <= now - 1000) times.shift();
  return times;
}
