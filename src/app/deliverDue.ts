import type { StoredNotification } from '../store/repositories/outboxRepository';
import { deliverStored, type OutboxDependencies } from './deliverOutbox';
import { EVERYONE, type OwnShare } from './sending/senderShares';

/**
 * How many people are sent to at once. One at a time, each send waits for its store reads and
 * the connector, which kept a run well under Teams' 50 messages a second; the rate limiter, not
 * this, holds the pace.
 */
export const DELIVERY_CONCURRENCY = 8;
/** Due messages listed at a time. */
export const DUE_PAGE = 100;

export interface DueRunOptions {
  /**
   * Due messages of this instance's own share listed at a time (the next page is listed while
   * these are still being sent).
   */
  page?: number;
  /** Time since `now`, by the caller's clock: each claim is stamped `now` plus this. */
  elapsedMs?: () => number;
  concurrency?: number;
  /** Nothing new is started once this much time (by elapsedMs) has passed. */
  budgetMs?: number;
  /** This instance's share of the people, asked again at each listing (see claimOwnShare). */
  share?: () => Promise<OwnShare>;
}

/**
 * Delivers everything due, oldest first, until nothing more is due (or the budget is spent):
 * several people at once (at most `concurrency`), each person's messages one after another in
 * order. The next page of due messages is listed while the last ones are still being sent, so
 * the senders never stand idle between pages. Several instances may run this at once: each sends
 * first to its own share of the people, oldest first, and only when a listing brings none of its
 * own does it take the others' messages, newest first, so two instances meet at most once in a
 * page instead of racing for every message. Every message is still claimed on its own, with the
 * version its listing found (a message changed since is left alone, not read again), and each
 * is tried at most once in a run. Each claim is stamped with `now` plus the time this run has
 * taken so far, so a slow run never claims a message with a lease that has already run out.
 * After a failure nothing new is started; the sends under way finish, then the failure is thrown.
 * Resolves how many messages were tried.
 */
export async function deliverDue(
  deps: OutboxDependencies,
  now: Date,
  options: DueRunOptions = {},
): Promise<number> {
  const elapsed = options.elapsedMs ?? stopwatch();
  const run = new DueRun(deps, now, options.page ?? DUE_PAGE, elapsed, options.share);
  const budget = options.budgetMs;
  const mayStart = budget === undefined ? () => true : () => elapsed() < budget;
  const lanes = Math.max(1, options.concurrency ?? DELIVERY_CONCURRENCY);
  await Promise.all(Array.from({ length: lanes }, () => run.lane(mayStart)));
  if (run.failure) throw run.failure.error;
  return run.tried;
}

/** One run's messages: who is waiting, who is being sent to, and the listing under way. */
class DueRun {
  tried = 0;
  failure: { error: unknown } | undefined;
  /** Messages this run has taken on (its own share, or taken over from another instance). */
  private readonly seen = new Set<string>();
  /** Each person's messages this run has taken on and not yet sent, in order. */
  private readonly groups = new Map<string, StoredNotification[]>();
  /** People of this instance's share waiting to be sent to, oldest first. */
  private readonly own: string[] = [];
  /** Other instances' people still waiting at the last listing, oldest first, with their messages. */
  private others = new Map<string, StoredNotification[]>();
  private listing: Promise<number> | undefined;
  /** Whether the last listing brought any of this instance's own: if not, the next is listed only when a lane runs dry. */
  private moreLikely = true;

  constructor(
    private readonly deps: OutboxDependencies,
    private readonly now: Date,
    private readonly page: number,
    private readonly elapsed: () => number,
    private readonly share: (() => Promise<OwnShare>) | undefined,
  ) {}

  async lane(mayStart: () => boolean): Promise<void> {
    while (!this.failure && mayStart()) {
      if (this.moreLikely && this.own.length < this.page / 4) void this.listMore().catch(() => undefined);
      let person = this.own.shift();
      // The last listing brought none of this instance's own: the others' people it found are
      // taken on one by one without listing again for each (stale ones are skipped when claimed).
      if (person === undefined && !this.moreLikely && !this.listing) person = this.takeOver();
      if (person === undefined) {
        const found = await this.listMore().catch(() => 0);
        if (this.failure || !mayStart()) return;
        person = this.own.shift() ?? this.takeOver();
        if (person === undefined && found === 0) return;
      }
      if (person !== undefined) await this.sendTo(person);
    }
  }

  /** Sends a person's messages in order, including any a later listing adds meanwhile. */
  private async sendTo(personId: string): Promise<void> {
    const group = this.groups.get(personId) ?? [];
    try {
      for (let next = group.shift(); next && !this.failure; next = group.shift()) {
        this.tried += 1;
        await deliverStored(this.deps, next, this.at());
      }
    } catch (error) {
      this.failure ??= { error };
    } finally {
      this.groups.delete(personId);
    }
  }

  /** Takes on the newest person of another instance's share still waiting at the last listing. */
  private takeOver(): string | undefined {
    const person = [...this.others.keys()].pop();
    if (person === undefined) return undefined;
    const messages = this.others.get(person) ?? [];
    this.others.delete(person);
    for (const notification of messages) this.take(notification);
    return person;
  }

  /**
   * Lists the next page (one listing at a time): takes on this instance's own messages, and notes
   * the others' still waiting. Resolves how many it found waiting that this run has not taken on.
   */
  private listMore(): Promise<number> {
    this.listing ??= this.list().finally(() => (this.listing = undefined));
    return this.listing;
  }

  private async list(): Promise<number> {
    try {
      // Each instance lists enough for a page of its own share (of those waiting, about
      // 1 in `instances` are its own), so two instances list no more often than one.
      const isOwn = (await this.share?.()) ?? EVERYONE;
      const due = await this.deps.outbox.listDue(this.at(), this.page * isOwn.instances);
      let ownFound = 0;
      const others = new Map<string, StoredNotification[]>();
      for (const listed of due) {
        if (this.seen.has(listed.notification.id)) continue;
        const { personId } = listed.notification;
        if (!isOwn(personId) && !this.groups.has(personId)) {
          others.set(personId, [...(others.get(personId) ?? []), listed]);
          continue;
        }
        ownFound += 1;
        if (!this.groups.has(personId)) this.own.push(personId);
        this.take(listed);
      }
      this.others = others;
      this.moreLikely = ownFound > 0;
      return ownFound + others.size;
    } catch (error) {
      this.failure ??= { error };
      throw error;
    }
  }

  private take(listed: StoredNotification): void {
    const { id, personId } = listed.notification;
    this.seen.add(id);
    const group = this.groups.get(personId);
    if (group) group.push(listed);
    else this.groups.set(personId, [listed]);
  }

  private at(): Date {
    return new Date(this.now.getTime() + this.elapsed());
  }
}

function stopwatch(): () => number {
  const started = performance.now();
  return () => performance.now() - started;
}
