import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { createDemoWeekKeeper } from '../../../src/demo/demoWeekKeeper';
import { readDemoWeek } from '../../../src/demo/demoWeek';
import { seedDemoOrganisation } from '../../../src/demo/seedDemo';
import { StoreUnavailableError, type DocumentStore } from '../../../src/store/documentStore';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';
import { captureLogs } from '../../support/logCapture';

const LOADED = DateTime.fromISO('2027-03-07T23:59', { zone: 'Europe/London' });

/**
 * What keeps a running demo on the current week: it works only when the week has turned, and a
 * store that cannot be reached then is no reason to stop a turn; the next turn tries again.
 */
describe('keeping a running demo on the current week', () => {
  let dataDir: string;
  let store: SqliteDocumentStore;
  /** The store as the keeper sees it: reads fail while `down`; every call is counted. */
  let seen: DocumentStore;
  const state = { down: false, calls: 0 };

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'demo-keeper-'));
    store = new SqliteDocumentStore(dataDir);
    await store.init();
    await seedDemoOrganisation(store, { today: LOADED.toJSDate() });
    seen = new Proxy(store, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          state.calls += 1;
          if (state.down && property === 'read')
            return Promise.reject(new StoreUnavailableError('the store cannot be reached'));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lays the demo out once the week turns, tries again after a failure, and costs nothing otherwise', async () => {
    const { logger, lines } = captureLogs();
    let now = LOADED;
    const keep = createDemoWeekKeeper(seen, () => now.toJSDate(), logger);

    await keep();
    const callsInTheWeek = state.calls;
    await keep();
    expect(state.calls).toBe(callsInTheWeek);

    now = LOADED.plus({ minutes: 2 });
    state.down = true;
    await expect(keep()).resolves.toBeUndefined();
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: expect.stringContaining('could not lay the demo rota out for this week'),
      }),
    );
    expect(await readDemoWeek(store)).toBe('2027-03-01');

    state.down = false;
    await keep();
    expect(await readDemoWeek(store)).toBe('2027-03-08');
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'laid the demo rota out for this week' }));
    const afterRefresh = state.calls;
    await keep();
    expect(state.calls).toBe(afterRefresh);
  });
});
