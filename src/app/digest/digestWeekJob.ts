import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../../store/documentStore';

/** How long a run may queue a week's digests before another instance may take over. */
export const DIGEST_LEASE_MS = 120_000;

/**
 * The record that a week's digests are being queued, or have been. Created once per week (a
 * second create is refused), so the scan of who has something happens once a week, not on every
 * tick. While 'queuing' it carries a lease: if its holder dies, another run takes over when the
 * lease runs out and queues the rest (the messages' own ids keep each person to one).
 */
export interface DigestWeekJob {
  id: string;
  kind: 'digest-week';
  week: string;
  state: 'queuing' | 'done';
  holder: string;
  leaseUntil: string;
  startedAt: string;
  finishedAt?: string;
  queued?: number;
  [field: string]: unknown;
}

export interface HeldJob {
  job: DigestWeekJob;
  etag: string;
}

export function digestWeekJobId(week: string): string {
  return `digest-week:${week}`;
}

/** Takes the week's job: creates it, or takes over a run whose lease has run out. Undefined: done, or someone else holds it. */
export async function claimDigestWeek(
  store: DocumentStore,
  week: string,
  now: Date,
  holder: string,
): Promise<HeldJob | undefined> {
  const id = digestWeekJobId(week);
  const fresh: DigestWeekJob = {
    id,
    kind: 'digest-week',
    week,
    state: 'queuing',
    holder,
    leaseUntil: leaseFrom(now),
    startedAt: now.toISOString(),
  };
  const found = await store.read<DigestWeekJob>('jobs', id, 'digest-week');
  try {
    if (!found) return { job: fresh, etag: (await store.create('jobs', fresh)).etag };
    const { doc } = found;
    if (doc.state === 'done' || (doc.holder !== holder && doc.leaseUntil > now.toISOString()))
      return undefined;
    const taken = { ...doc, holder, leaseUntil: leaseFrom(now) };
    return { job: taken, etag: (await store.replace('jobs', taken, { ifMatch: found.etag })).etag };
  } catch (error) {
    if (error instanceof DocumentExistsError || error instanceof VersionConflictError) return undefined;
    throw error;
  }
}

/** Extends the lease; undefined when another run has taken the job meanwhile. */
export async function renewDigestLease(
  store: DocumentStore,
  held: HeldJob,
  now: Date,
): Promise<HeldJob | undefined> {
  return rewrite(store, held, { leaseUntil: leaseFrom(now) });
}

export async function finishDigestWeek(
  store: DocumentStore,
  held: HeldJob,
  now: Date,
  queued: number,
): Promise<HeldJob | undefined> {
  return rewrite(store, held, { state: 'done', finishedAt: now.toISOString(), queued });
}

async function rewrite(
  store: DocumentStore,
  held: HeldJob,
  changes: Partial<DigestWeekJob>,
): Promise<HeldJob | undefined> {
  const job = { ...held.job, ...changes };
  try {
    return { job, etag: (await store.replace('jobs', job, { ifMatch: held.etag })).etag };
  } catch (error) {
    if (error instanceof VersionConflictError) return undefined;
    throw error;
  }
}

function leaseFrom(now: Date): string {
  return new Date(now.getTime() + DIGEST_LEASE_MS).toISOString();
}
