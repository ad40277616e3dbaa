import { DocumentExistsError, VersionConflictError, type DocumentStore } from '../store/documentStore';

/**
 * A background job's record in the `jobs` container (partition key `/kind`), held by one instance
 * at a time through a lease that runs out by itself if the holder dies.
 */
export interface LeasedJob {
  id: string;
  kind: string;
  holder: string;
  /** ISO instant: until then only `holder` may work on the job. */
  leaseUntil: string;
  [field: string]: unknown;
}

/** A job this instance holds, with the ETag its next conditional write must match. */
export interface HeldJob<J extends LeasedJob> {
  job: J;
  etag: string;
}

export interface JobLeaseClaim<J extends LeasedJob> {
  id: string;
  kind: J['kind'];
  holder: string;
  now: Date;
  leaseMs: number;
  /** The job's first record, given the lease fields; written only when there is none. */
  create: (lease: Pick<LeasedJob, 'holder' | 'leaseUntil'>) => J;
  /** Whether an existing job may be taken at all (e.g. not done, tries left). Default: yes. */
  mayTake?: (job: J) => boolean;
  /** Whether the holder may take its own job again while its lease runs. Default: yes. */
  holderRenews?: boolean;
  /** Further changes when an existing job is taken (e.g. counting tries). */
  onTake?: (job: J) => Partial<J>;
}

/**
 * Claims a job's lease, race-safe on any store: the first claim creates the record (a second
 * create is refused), every later one is a replace conditional on the ETag just read, so of
 * several instances claiming at once exactly one wins; the others get undefined, as they do when
 * someone else's lease is still running or `mayTake` says no.
 */
export async function claimJobLease<J extends LeasedJob>(
  store: DocumentStore,
  claim: JobLeaseClaim<J>,
): Promise<HeldJob<J> | undefined> {
  const lease = { holder: claim.holder, leaseUntil: leaseUntil(claim.now, claim.leaseMs) };
  const found = await store.read<J>('jobs', claim.id, claim.kind);
  return whenNotRaced(async () => {
    if (!found) {
      const job = { ...claim.create(lease), id: claim.id, kind: claim.kind };
      return { job, etag: (await store.create('jobs', job)).etag };
    }
    if (!mayClaim(found.doc, claim)) return undefined;
    const job = { ...found.doc, ...claim.onTake?.(found.doc), ...lease };
    return { job, etag: (await store.replace('jobs', job, { ifMatch: found.etag })).etag };
  });
}

/** Extends a held lease from `now`; undefined when another instance has taken the job meanwhile. */
export async function renewJobLease<J extends LeasedJob>(
  store: DocumentStore,
  held: HeldJob<J>,
  now: Date,
  leaseMs: number,
): Promise<HeldJob<J> | undefined> {
  return updateHeldJob(store, held, { leaseUntil: leaseUntil(now, leaseMs) } as Partial<J>);
}

/** Writes changes to a held job; undefined when another instance has taken it meanwhile. */
export async function updateHeldJob<J extends LeasedJob>(
  store: DocumentStore,
  held: HeldJob<J>,
  changes: Partial<J>,
): Promise<HeldJob<J> | undefined> {
  const job = { ...held.job, ...changes };
  return whenNotRaced(async () => ({
    job,
    etag: (await store.replace('jobs', job, { ifMatch: held.etag })).etag,
  }));
}

function mayClaim<J extends LeasedJob>(job: J, claim: JobLeaseClaim<J>): boolean {
  if (claim.mayTake && !claim.mayTake(job)) return false;
  const ownRenewal = (claim.holderRenews ?? true) && job.holder === claim.holder;
  return ownRenewal || job.leaseUntil <= claim.now.toISOString();
}

function leaseUntil(now: Date, leaseMs: number): string {
  return new Date(now.getTime() + leaseMs).toISOString();
}

/** Runs a conditional write; undefined when another writer got there first. */
async function whenNotRaced<T>(write: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DocumentExistsError || error instanceof VersionConflictError) return undefined;
    throw error;
  }
}
