import { claimJobLease, renewJobLease, updateHeldJob, type LeasedJob } from '../../../src/app/jobLease';
import type { DocumentStore } from '../../../src/store/documentStore';
import { STORE_SUBJECTS } from '../../support/workflowStores';

interface CountedJob extends LeasedJob {
  kind: 'test-job';
  state: 'running' | 'done';
  tries: number;
}

const T0 = new Date('2026-10-25T00:30:00Z');
const LEASE_MS = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

function claim(store: DocumentStore, holder: string, now: Date, options: { holderRenews?: boolean } = {}) {
  return claimJobLease<CountedJob>(store, {
    id: 'job-1',
    kind: 'test-job',
    holder,
    now,
    leaseMs: LEASE_MS,
    create: (lease) => ({ id: 'job-1', kind: 'test-job', state: 'running', tries: 1, ...lease }),
    mayTake: (job) => job.state !== 'done' && job.tries < 3,
    onTake: (job) => ({ tries: job.tries + 1 }),
    ...options,
  });
}

async function stored(store: DocumentStore): Promise<CountedJob | undefined> {
  return (await store.read<CountedJob>('jobs', 'job-1', 'test-job'))?.doc;
}

describe.each(STORE_SUBJECTS)('job lease on the $name', (subject) => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await subject.open());
  });
  afterEach(async () => cleanup());

  it('creates the job for the first claimant and refuses others while the lease runs', async () => {
    const held = await claim(store, 'a', T0);
    expect(held?.job).toMatchObject({ holder: 'a', tries: 1, leaseUntil: at(LEASE_MS).toISOString() });
    expect(await claim(store, 'b', at(LEASE_MS - 1))).toBeUndefined();
    expect(await stored(store)).toMatchObject({ holder: 'a', tries: 1 });
  });

  it('lets the holder take its own job again, unless told a failed run must wait', async () => {
    await claim(store, 'a', T0);
    expect((await claim(store, 'a', at(10_000)))?.job.leaseUntil).toBe(at(10_000 + LEASE_MS).toISOString());
    expect(await claim(store, 'a', at(20_000), { holderRenews: false })).toBeUndefined();
  });

  it('hands an expired lease to the next claimant, counting the try, until none are left', async () => {
    await claim(store, 'a', T0);
    const second = await claim(store, 'b', at(LEASE_MS));
    expect(second?.job).toMatchObject({ holder: 'b', tries: 2 });
    const third = await claim(store, 'c', at(2 * LEASE_MS));
    expect(third?.job).toMatchObject({ holder: 'c', tries: 3 });
    expect(await claim(store, 'd', at(3 * LEASE_MS))).toBeUndefined();
  });

  it('never hands out a finished job', async () => {
    const held = await claim(store, 'a', T0);
    if (!held) throw new Error('not claimed');
    await updateHeldJob(store, held, { state: 'done' });
    expect(await claim(store, 'a', at(1))).toBeUndefined();
    expect(await claim(store, 'b', at(10 * LEASE_MS))).toBeUndefined();
  });

  it('of many instances claiming a new job at once, exactly one wins', async () => {
    const holders = ['a', 'b', 'c', 'd', 'e', 'f'];
    const results = await Promise.all(holders.map((holder) => claim(store, holder, T0)));
    const winners = results.filter((result) => result !== undefined);
    expect(winners).toHaveLength(1);
    expect((await stored(store))?.holder).toBe(winners[0]?.job.holder);
  });

  it('of many instances taking over an expired lease at once, exactly one wins', async () => {
    await claim(store, 'a', T0);
    const holders = ['b', 'c', 'd', 'e', 'f'];
    const results = await Promise.all(holders.map((holder) => claim(store, holder, at(LEASE_MS + 1))));
    const winners = results.filter((result) => result !== undefined);
    expect(winners).toHaveLength(1);
    expect(await stored(store)).toMatchObject({ holder: winners[0]?.job.holder, tries: 2 });
  });

  it('refuses renewals and updates from a holder whose job was taken over', async () => {
    const first = await claim(store, 'a', T0);
    if (!first) throw new Error('not claimed');
    const renewed = await renewJobLease(store, first, at(30_000), LEASE_MS);
    expect(renewed?.job.leaseUntil).toBe(at(30_000 + LEASE_MS).toISOString());
    if (!renewed) throw new Error('not renewed');
    const taken = await claim(store, 'b', at(30_000 + LEASE_MS));
    expect(taken?.job.holder).toBe('b');
    expect(await renewJobLease(store, renewed, at(30_000 + LEASE_MS + 1), LEASE_MS)).toBeUndefined();
    expect(await updateHeldJob(store, renewed, { state: 'done' })).toBeUndefined();
    expect(await stored(store)).toMatchObject({ holder: 'b', state: 'running' });
  });
});
