import { buildDemoOrganisation, DEMO_IDS } from '../../src/demo/demoOrganisation';
import { buildProgram, runCli } from '../../src/cli/main';
import type { CliContext } from '../../src/cli/cliContext';
import { createProcessContext } from '../../src/cli/createProcessContext';
import { ConfigError } from '../../src/config/config';
import type { DocumentStore } from '../../src/store/documentStore';
import { isCatalogueEntry } from '../../src/store/repositories/offerCatalogue';
import { SqliteDocumentStore } from '../../src/store/sqlite/sqliteDocumentStore';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const NOW = new Date('2025-10-22T09:30:00Z');

interface Harness {
  context: CliContext;
  output: () => string;
  errors: () => string;
  opened: () => number;
}

function createHarness(openStore: () => Promise<DocumentStore>): Harness {
  let out = '';
  let err = '';
  let opened = 0;
  const context: CliContext = {
    out: { write: (text: string) => (out += text) },
    err: { write: (text: string) => (err += text) },
    now: () => NOW,
    env: {},
    openStore: async () => {
      opened += 1;
      return openStore();
    },
  };
  return { context, output: () => out, errors: () => err, opened: () => opened };
}

function cli(...args: string[]): string[] {
  return ['node', 'cli', ...args];
}

let dataDir: string;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-test-'));
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** Opens the embedded store on the test's folder, as the real CLI does once per command. */
async function openFileStore(): Promise<DocumentStore> {
  const store = new SqliteDocumentStore(dataDir);
  await store.init();
  return store;
}

/** Records whether a store was closed, to check the CLI always closes what it opened. */
function watchClose(store: DocumentStore): { store: DocumentStore; closed: () => boolean } {
  let closed = false;
  const close = store.close.bind(store);
  store.close = async () => {
    closed = true;
    await close();
  };
  return { store, closed: () => closed };
}

describe('demo seed', () => {
  let store: DocumentStore;
  let harness: Harness;

  beforeEach(async () => {
    store = await openFileStore();
    harness = createHarness(openFileStore);
  });

  afterEach(async () => {
    await store.close();
  });

  it('loads the whole demo organisation into an empty store and says what it loaded', async () => {
    const expected = buildDemoOrganisation(NOW);
    const watched = watchClose(await openFileStore());
    harness = createHarness(async () => watched.store);

    await expect(runCli(cli('demo', 'seed'), harness.context)).resolves.toBe(0);

    const people = await store.query('people');
    const offersAndCopies = await store.query('offers');
    // The offers container also holds the host search's copy of each offer (its catalogue).
    const offers = offersAndCopies.filter((doc) => !isCatalogueEntry(doc));
    const rota = await store.query('rota');
    const requests = await store.query('requests');
    expect(people).toHaveLength(expected.people.length);
    expect(offers).toHaveLength(expected.offers.length);
    expect(
      offersAndCopies
        .filter(isCatalogueEntry)
        .map((doc) => doc.id)
        .sort(),
    ).toEqual(offers.map((doc) => doc.id).sort());
    expect(rota).toHaveLength(expected.rota.length);
    expect(requests).toHaveLength(expected.history.requests.length);
    expect(await store.query('exchanges')).toHaveLength(expected.history.exchanges.length);
    expect(harness.output()).toBe(
      `Loaded the demo organisation: ${people.length} staff, ${offers.length} host offers, ${rota.length} rota months, ${requests.length} past requests.\n`,
    );
    expect(harness.errors()).toBe('');
    expect(watched.closed()).toBe(true);
  });

  it('stores each document under its partition key', async () => {
    await runCli(cli('demo', 'seed'), harness.context);
    const expected = buildDemoOrganisation(NOW);
    const alexMonth = expected.rota.find((month) => month.personId === DEMO_IDS.alex);
    const adeleOffer = expected.offers.find((offer) => offer.hostId === DEMO_IDS.adele);

    const alex = await store.read('people', DEMO_IDS.alex, DEMO_IDS.alex);
    const offer = await store.read('offers', adeleOffer!.id, DEMO_IDS.adele);
    const rota = await store.read('rota', `${DEMO_IDS.alex}:${alexMonth!.month}`, DEMO_IDS.alex);

    expect(alex?.doc).toMatchObject({ name: 'Alex Wilber', managerId: DEMO_IDS.megan });
    expect(offer?.doc).toMatchObject({ hostId: DEMO_IDS.adele, title: adeleOffer!.title });
    expect(rota?.doc).toMatchObject({
      personId: DEMO_IDS.alex,
      month: alexMonth!.month,
      shifts: alexMonth!.shifts,
    });
  });

  it('starts the rota in the week of the clock it is given', async () => {
    await runCli(cli('demo', 'seed'), harness.context);
    const months = (await store.query('rota', { partitionKey: DEMO_IDS.alex })).map((doc) => doc.month);
    expect(months.sort()[0]).toBe('2025-10');
  });

  it('leaves a store that already holds staff alone', async () => {
    await runCli(cli('demo', 'seed'), harness.context);
    const before = await store.read('people', DEMO_IDS.alex, DEMO_IDS.alex);

    await expect(runCli(cli('demo', 'seed'), harness.context)).resolves.toBe(0);

    const after = await store.read('people', DEMO_IDS.alex, DEMO_IDS.alex);
    expect(after?.etag).toBe(before?.etag);
    expect(harness.output()).toMatch(
      /\nThe store already holds staff; nothing loaded\. Use --force to reload the demo organisation\.\n$/,
    );
  });

  it('reloads everything with --force, without duplicating documents', async () => {
    await runCli(cli('demo', 'seed'), harness.context);
    const counts = async () => [(await store.query('people')).length, (await store.query('rota')).length];
    const before = await counts();
    const alex = await store.read<{ id: string; jobTitle: string }>('people', DEMO_IDS.alex, DEMO_IDS.alex);
    await store.upsert('people', { ...alex!.doc, jobTitle: 'Changed by hand' });

    await expect(runCli(cli('demo', 'seed', '--force'), harness.context)).resolves.toBe(0);

    const reloaded = await store.read<{ id: string; jobTitle: string }>(
      'people',
      DEMO_IDS.alex,
      DEMO_IDS.alex,
    );
    expect(reloaded?.doc.jobTitle).toBe(alex!.doc.jobTitle);
    expect(await counts()).toEqual(before);
    expect(harness.output().trim().split('\n').pop()).toMatch(/^Loaded the demo organisation: /);
  });

  it('finishes a load that stopped before any staff were written', async () => {
    const offer = buildDemoOrganisation(NOW).offers[0]!;
    await store.upsert('offers', { ...offer });

    await expect(runCli(cli('demo', 'seed'), harness.context)).resolves.toBe(0);

    expect(await store.query('people')).not.toHaveLength(0);
    expect(harness.output()).toMatch(/^Loaded the demo organisation/);
  });
});

describe('the command line', () => {
  it('lists demo seed in its help', () => {
    const help = buildProgram(createHarness(openFileStore).context).helpInformation();
    expect(help).toMatch(/Usage: cli \[options\] \[command\]/);
    expect(help).toMatch(/demo seed \[options\]\s+load the demo organisation/);
  });

  it('prints help for --help and exits 0 without opening the store', async () => {
    const harness = createHarness(openFileStore);
    await expect(runCli(cli('--help'), harness.context)).resolves.toBe(0);
    expect(harness.output()).toMatch(/demo seed/);
    expect(harness.output()).toMatch(/Exit codes/);
    expect(harness.opened()).toBe(0);
  });

  it.each([
    ['an unknown command', ['demo', 'sede']],
    ['an unknown option', ['demo', 'seed', '--forse']],
    ['no command at all', []],
  ])('exits 2 for %s', async (_label, args) => {
    const harness = createHarness(openFileStore);
    await expect(runCli(cli(...args), harness.context)).resolves.toBe(2);
    expect(harness.opened()).toBe(0);
  });

  it('exits 2 and names the setting when the settings are wrong', async () => {
    const harness = createHarness(async () => {
      throw new ConfigError(['COSMOS_KEY: required when COSMOS_ENDPOINT is set.']);
    });
    await expect(runCli(cli('demo', 'seed'), harness.context)).resolves.toBe(2);
    expect(harness.errors()).toMatch(/COSMOS_KEY: required/);
  });

  it('reads the settings only when a command needs the store, and exits 2 naming a bad one', async () => {
    let err = '';
    const context: CliContext = {
      ...createProcessContext({ COSMOS_KEY: 'a-key-without-an-endpoint' }),
      out: { write: () => true },
      err: { write: (text: string) => (err += text) },
    };
    await expect(runCli(cli('--help'), context)).resolves.toBe(0);
    await expect(runCli(cli('demo', 'seed'), context)).resolves.toBe(2);
    expect(err).toMatch(/COSMOS_ENDPOINT: required when COSMOS_KEY is set/);
  });

  it('seeds the embedded store that DATA_DIR names, through the real settings and store factory', async () => {
    let out = '';
    const context: CliContext = {
      ...createProcessContext({ DATA_DIR: dataDir }),
      out: { write: (text: string) => (out += text) },
      now: () => NOW,
    };

    await expect(runCli(cli('demo', 'seed'), context)).resolves.toBe(0);

    const store = await openFileStore();
    const people = await store.query('people');
    await store.close();
    expect(people).toHaveLength(buildDemoOrganisation(NOW).people.length);
    expect(out).toMatch(new RegExp(`^Loaded the demo organisation: ${people.length} staff, `));
  });

  it('exits 1 with a short message, and shows the stack only with --verbose', async () => {
    const failing = createHarness(async () => {
      throw new Error('disk is full');
    });
    await expect(runCli(cli('demo', 'seed'), failing.context)).resolves.toBe(1);
    expect(failing.errors()).toMatch(/^The command failed: disk is full\n/);
    expect(failing.errors()).not.toMatch(/\n\s+at /);

    const verbose = createHarness(async () => {
      throw new Error('disk is full');
    });
    await expect(runCli(cli('--verbose', 'demo', 'seed'), verbose.context)).resolves.toBe(1);
    expect(verbose.errors()).toMatch(/\n\s+at /);
  });

  it('closes the store even when the command fails', async () => {
    const watched = watchClose(await openFileStore());
    watched.store.query = async () => {
      throw new Error('query failed');
    };
    const harness = createHarness(async () => watched.store);
    await expect(runCli(cli('demo', 'seed'), harness.context)).resolves.toBe(1);
    expect(watched.closed()).toBe(true);
  });
});
