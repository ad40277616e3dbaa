import type { DocumentStore } from '../../store/documentStore';
import { claimJobLease, renewJobLease, updateHeldJob, type HeldJob, type LeasedJob } from '../jobLease';

/** How long a run may queue a week's digests before another instance may take over. */
export const DIGEST_LEASE_MS = 120_000;

/**
 * The record that a week's digests are being queued, or have been. Created once per week (a
 * second create is refused), so the scan of who has something happens once a week, not on every
 * tick. While 'queuing' it carries a lease: if its holder dies, another run takes over when the
 * lease runs out and queues the rest (the messages' own ids keep each person to one).
 */
export interface DigestWeekJob extends LeasedJob {
  kind: 'digest-week';
  week: string;
  state: 'queuing' | 'done';
  startedAt: string;
  finishedAt?: string;
  queued?: number;
}

export type HeldDigestWeek = HeldJob<DigestWeekJob>;

export function digestWeekJobId(week: string): string {
  return `digest-week:${week}`;
}

/** Takes the week's job: creates it, or takes over a run whose lease has run out. Undefined: done, or someone else holds it. */
export async function claimDigestWeek(
  store: DocumentStore,
  week: string,
  now: Date,
  holder: string,
): Promise<HeldDigestWeek | undefined> {
  return claimJobLease<DigestWeekJob>(store, {
    id: digestWeekJobId(week),
    kind: 'digest-week',
    holder,
    now,
    leaseMs: DIGEST_LEASE_MS,
    create: (lease) => ({
      id: digestWeekJobId(week),
      kind: 'digest-week',
      week,
      state: 'queuing',
      startedAt: now.toISOString(),
      ...lease,
    }),
    mayTake: (job) => job.state !== 'done',
  });
}

/** Extends the lease; undefined when another run has taken the job meanwhile. */
export async function renewDigestLease(
  store: DocumentStore,
  held: HeldDigestWeek,
  now: Date,
): Promise<HeldDigestWeek | undefined> {
  return renewJobLease(store, held, now, DIGEST_LEASE_MS);
}

export async function finishDigestWeek(
  store: DocumentStore,
  held: HeldDigestWeek,
  now: Date,
  queued: number,
): Promise<HeldDigestWeek | undefined> {
  return updateHeldJob(store, held, { state: 'done', finishedAt: now.toISOString(), queued });
}
