import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { CliContext } from '../../../src/cli/cliContext';
import { runCli } from '../../../src/cli/main';
import { loadConfig } from '../../../src/config/config';
import { DEMO_IDS } from '../../../src/demo/demoOrganisation';
import { createLogger } from '../../../src/logging/logger';
import { startService, StartupError } from '../../../src/main';
import { CONTAINER_NAMES, partitionKeyField } from '../../../src/store/containers';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';
import {
  buildDemoLegacyStore,
  snapshotFolder,
  writeLegacyDocument,
  type LegacyEntry,
} from '../../support/legacyStore';

const TODAY = new Date();
const HOUR = 3_600_000;

let scratch: string;
let dataDir: string;
let entries: LegacyEntry[];

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'store-migrate-'));
});
afterAll(async () => fs.rm(scratch, { recursive: true, force: true }));

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(scratch, 'data-'));
  entries = await buildDemoLegacyStore(dataDir, TODAY);
});

async function migrate(env: NodeJS.ProcessEnv, ...args: string[]) {
  let out = '';
  let err = '';
  const context: CliContext = {
    out: { write: (text: string) => (out += text) },
    err: { write: (text: string) => (err += text) },
    now: () => TODAY,
    env,
    openStore: () => Promise.reject(new Error('store migrate opens its own store')),
  };
  const code = await runCli(['node', 'cli', 'store', 'migrate', ...args], context);
  return { code, out, err };
}

/** Every row of the database, in order, to show a second run changed nothing. */
function dumpDatabase(folder: string): unknown[] {
  const db = new DatabaseSync(path.join(folder, 'shadowing.db'));
  try {
    return db.prepare('SELECT * FROM documents ORDER BY container, partition_key, id').all();
  } finally {
    db.close();
  }
}

async function openMigrated(folder: string, now?: () => number): Promise<SqliteDocumentStore> {
  const store = new SqliteDocumentStore(folder, { now });
  await store.init();
  return store;
}

const isExpired = (entry: LegacyEntry) => entry.doc.id === 'message-expired';

describe('npm run cli -- store migrate', () => {
  it('moves every document of a demo JSON store, with its version and expiry, and keeps the old folder', async () => {
    const before = await snapshotFolder(dataDir);
    const live = entries.filter((entry) => !isExpired(entry));

    const run = await migrate({ DATA_DIR: dataDir });

    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain(
      `Moved ${live.length} documents from ${dataDir} into ${path.join(dataDir, 'shadowing.db')}.`,
    );
    expect(run.out).toContain('not moved, their time to live had run out: 1');
    expect(run.out).toContain('Delete them once you are happy that everything is there.');
    expect(await snapshotFolder(dataDir)).toEqual(before);

    const store = await openMigrated(dataDir);
    for (const entry of entries) {
      const stored = await store.read(
        entry.container,
        entry.doc.id,
        String(entry.doc[partitionKeyField(entry.container)]),
      );
      if (isExpired(entry)) expect(stored).toBeUndefined();
      else expect(stored).toEqual({ doc: entry.doc, etag: entry.etag });
    }
    const total = await Promise.all(
      CONTAINER_NAMES.map(async (container) => (await store.query(container)).length),
    );
    expect(total.reduce((sum, n) => sum + n, 0)).toBe(live.length);
    expect(live.filter((entry) => entry.container === 'people').length).toBeGreaterThan(30);
    await store.close();

    // The expiry counts from the old file's last write, not from the move.
    const later = await openMigrated(dataDir, () => TODAY.getTime() + 21 * HOUR);
    expect(await later.read('outbox', 'message-live', 'p-1')).toBeDefined();
    await later.close();
    const dayLater = await openMigrated(dataDir, () => TODAY.getTime() + 22 * HOUR + 1);
    expect(await dayLater.read('outbox', 'message-live', 'p-1')).toBeUndefined();
    expect(await dayLater.read('outbox', 'message-kept', 'p-1')).toBeDefined();
    await dayLater.close();
  });

  it('changes nothing when run again, and says so', async () => {
    expect((await migrate({ DATA_DIR: dataDir })).code).toBe(0);
    const rows = dumpDatabase(dataDir);

    const again = await migrate({ DATA_DIR: dataDir });

    expect(again).toMatchObject({ code: 0, err: '' });
    expect(again.out).toMatch(
      /^Nothing to move: every document in .* is already in .*shadowing\.db or has expired\. Nothing was changed\./,
    );
    expect(again.out).toContain(`already in the database: ${entries.length - 1}`);
    expect(dumpDatabase(dataDir)).toEqual(rows);
  });

  it('never overwrites a document changed in the database since the first move', async () => {
    expect((await migrate({ DATA_DIR: dataDir })).code).toBe(0);
    const store = await openMigrated(dataDir);
    const changed = await store.upsert('people', { id: 'odd.Person', name: 'changed since' });
    await store.close();

    const again = await migrate({ DATA_DIR: dataDir });

    expect(again.code).toBe(0);
    expect(again.out).toContain("the database's version was kept: 1\n    people/odd.Person");
    const reopened = await openMigrated(dataDir);
    expect(await reopened.read('people', 'odd.Person', 'odd.Person')).toEqual(changed);
    await reopened.close();
  });

  it('moves what it can, lists the files it cannot, keeps them, and fails', async () => {
    const damaged = await writeLegacyDocument(dataDir, {
      container: 'people',
      doc: { id: 'cut-short', name: 'x' },
      etag: 'e',
      writtenAt: TODAY,
    });
    await fs.writeFile(damaged, '{"etag":"e","doc":{"id":"cut-sh');
    const misplaced = path.join(dataDir, 'people', 'somebody', 'copy of somebody.json');
    await fs.mkdir(path.dirname(misplaced), { recursive: true });
    await fs.writeFile(misplaced, JSON.stringify({ etag: 'e', doc: { id: 'somebody' } }));

    const run = await migrate({ DATA_DIR: dataDir });

    expect(run.code).toBe(1);
    expect(run.err).toContain(`2 files in ${dataDir} could not be moved and stay there:`);
    expect(run.err).toContain(`${path.join('people', 'cut-short', 'cut-short.json')}: not valid JSON`);
    expect(run.err).toContain(
      `${path.join('people', 'somebody', 'copy of somebody.json')}: holds people/somebody, which belongs in`,
    );
    expect(await fs.readFile(damaged, 'utf8')).toBe('{"etag":"e","doc":{"id":"cut-sh');
    const store = await openMigrated(dataDir);
    expect(await store.read('people', DEMO_IDS.alex, DEMO_IDS.alex)).toBeDefined();
    await store.close();
  });

  it('moves a store from another folder into the database in DATA_DIR', async () => {
    const target = await fs.mkdtemp(path.join(scratch, 'target-'));

    const run = await migrate({ DATA_DIR: target }, '--from', dataDir);

    expect(run.code).toBe(0);
    expect(run.out).toContain(`into ${path.join(target, 'shadowing.db')}`);
    expect(await fs.readdir(target)).toEqual(expect.arrayContaining(['shadowing.db']));
    await expect(fs.access(path.join(dataDir, 'shadowing.db'))).rejects.toMatchObject({ code: 'ENOENT' });
    const store = await openMigrated(target);
    expect((await store.read('people', 'odd.Person', 'odd.Person'))?.doc.name).toBe('Siân O’Brien 🩺');
    await store.close();
  });

  it('explains what is wrong with the folder or the settings', async () => {
    const nowhere = path.join(scratch, 'no-such-folder');
    expect(await migrate({ DATA_DIR: dataDir }, '--from', nowhere)).toMatchObject({
      code: 2,
      err: `--from: ${nowhere} is not a folder.\n`,
    });
    const empty = await fs.mkdtemp(path.join(scratch, 'empty-'));
    const nothing = await migrate({ DATA_DIR: empty });
    expect(nothing.code).toBe(0);
    expect(nothing.out).toContain(`Nothing to move: ${empty} holds no documents in the old layout`);
    const cosmos = await migrate({ COSMOS_ENDPOINT: 'https://127.0.0.1:8081/', COSMOS_KEY: 'k' });
    expect(cosmos.code).toBe(2);
    expect(cosmos.err).toContain('used only when COSMOS_ENDPOINT is empty');
  });
});

describe('starting the service on a DATA_DIR in the old layout', () => {
  const settings = () =>
    loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, SCHEDULER_INTERVAL_SECONDS: '0' });

  it('says what to run instead of starting empty, then starts on the moved data', async () => {
    const refused = await startService(settings(), createLogger('silent')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toMatch(
      /^DATA_DIR \(.*\) holds data in the old layout, one file per document, and no database yet\. Move it into the database with `npm run cli -- store migrate`, then start again\./,
    );
    await expect(fs.access(path.join(dataDir, 'shadowing.db'))).rejects.toMatchObject({ code: 'ENOENT' });

    expect((await migrate({ DATA_DIR: dataDir })).code).toBe(0);
    const service = await startService(settings(), createLogger('silent'));
    try {
      expect((await service.store.read('people', 'odd.Person', 'odd.Person'))?.doc.name).toBe(
        'Siân O’Brien 🩺',
      );
      expect(await service.store.query('people')).toHaveLength(
        entries.filter((entry) => entry.container === 'people').length,
      );
    } finally {
      await service.close();
    }
  });
});
