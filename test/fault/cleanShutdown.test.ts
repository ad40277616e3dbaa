import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { takeLease } from '../../src/app/scheduledWork';
import { TICK_FINISHED } from '../../src/app/startScheduler';
import { createStore } from '../../src/store/createStore';
import type { DocumentStore } from '../../src/store/documentStore';
import {
  killChildServices,
  startChildService,
  writeLoader,
  type ChildService,
} from '../support/childService';

/**
 * App Service stops an instance with SIGTERM on every restart, scale-in and deployment. The
 * instance finishes what it is doing and gives the scheduler's lease up, so another instance
 * sends reminders and messages at once instead of waiting for the lease to run out.
 */
// Only a hang guard: the service starts in a process of its own, which is slow on a busy machine.
jest.setTimeout(240_000);

describe('a clean shutdown (SIGTERM)', () => {
  let scratch: string;
  let service: ChildService | undefined;
  let store: DocumentStore | undefined;

  beforeAll(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'clean-shutdown-'));
  });
  afterAll(async () => {
    await killChildServices();
    await store?.close();
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('gives the scheduler lease up, so the next instance takes it at once', async () => {
    const dataDir = path.join(scratch, 'data');
    service = await startChildService(await writeLoader(scratch), scratch, {
      DATA_DIR: dataDir,
      SCHEDULER_INTERVAL_SECONDS: '1',
      LOG_LEVEL: 'debug',
    });
    store = createStore({ kind: 'embedded', dataDir });
    await store.init();
    const lease = async () =>
      (await store?.read<{ id: string; holder: string; leaseUntil: string }>('jobs', 'scheduler', 'lease'))
        ?.doc;
    // The running service holds the lease (it takes it on its first tick).
    await service.logged(TICK_FINISHED);
    expect(Date.parse(String((await lease())?.leaseUntil))).toBeGreaterThan(Date.now());
    expect(await takeLease(store, new Date(), 'next-instance')).toBe(false);

    const exited = new Promise<number | null>((resolve) =>
      service?.process.once('exit', (code) => resolve(code)),
    );
    service.process.kill('SIGTERM');
    expect(await exited).toBe(0);

    expect(await takeLease(store, new Date(), 'next-instance')).toBe(true);
  });
});
