import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileDocumentStore } from '../../src/store/embedded/fileDocumentStore';
import { encodeFileName } from '../../src/store/embedded/encodeFileName';

const WORKER = path.join(__dirname, 'fileStore.durability.worker.ts');

/**
 * Lets a plain `node` child load the TypeScript sources: each .ts file is transpiled on require
 * with the TypeScript compiler the project already has (type checking is the test run's job).
 */
const LOADER = `
const fs = require('node:fs');
const ts = require(${JSON.stringify(require.resolve('typescript'))});
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
`;

let scratch: string;
let loaderPath: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'file-store-durability-'));
  loaderPath = path.join(scratch, 'load-typescript.js');
  await fs.writeFile(loaderPath, LOADER);
});

afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

async function newDataDir(): Promise<string> {
  return fs.mkdtemp(path.join(scratch, 'data-'));
}

function startWorker(dataDir: string, job: string, ...args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--require', loaderPath, WORKER, dataDir, job, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  return child;
}

/** Starts the workers' jobs together once every one of them has loaded and opened its store. */
async function startTogether(...workers: ChildProcess[]): Promise<void> {
  await Promise.all(workers.map((worker) => lineFrom(worker, 'ready')));
  for (const worker of workers) worker.stdin?.end('go\n');
}

/** Resolves with the worker's JSON summary once it exits cleanly. */
function summaryOf<T>(child: ChildProcess): Promise<T> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`worker exited with ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as T);
    });
  });
}

function lineFrom(child: ChildProcess, expected: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(expected)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`worker exited with ${code} before "${expected}"`)));
  });
}

async function openStore(dataDir: string): Promise<FileDocumentStore> {
  const store = new FileDocumentStore(dataDir);
  await store.init();
  return store;
}

/** Every file in the data folder, with its path relative to it. */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

describe('embedded store durability', () => {
  it('keeps documents across closing and reopening on the same folder', async () => {
    const dataDir = await newDataDir();
    const first = await openStore(dataDir);
    const written = await first.create('requests', {
      id: 'req-1',
      visitorId: 'visitor/ä b.c',
      state: 'submitted',
    });
    await first.upsert('people', { id: 'Person.One', name: 'Upper case and dots' });
    await first.close();

    const second = await openStore(dataDir);
    expect(await second.read('requests', 'req-1', 'visitor/ä b.c')).toEqual(written);
    expect((await second.read('people', 'Person.One', 'Person.One'))?.doc.name).toBe('Upper case and dots');
    expect(await second.read('people', 'person.one', 'person.one')).toBeUndefined();
    expect(await second.query('requests', { partitionKey: 'visitor/ä b.c' })).toEqual([written.doc]);
    await second.close();
  });

  it('stores one file per document, named safely, with its version kept out of the document', async () => {
    const dataDir = await newDataDir();
    const store = await openStore(dataDir);
    const { etag } = await store.create('offers', { id: '..', hostId: '../../escape' });
    await store.close();

    const files = await listFiles(dataDir);
    const expected = path.join('offers', encodeFileName('../../escape'), `${encodeFileName('..')}.json`);
    expect(files).toEqual([expected]);
    const stored = JSON.parse(await fs.readFile(path.join(dataDir, expected), 'utf8')) as unknown;
    expect(stored).toEqual({ etag, doc: { id: '..', hostId: '../../escape' } });
  });

  it('ignores a half-written temporary file left by a crash and removes it on start', async () => {
    const dataDir = await newDataDir();
    const store = await openStore(dataDir);
    const written = await store.create('people', { id: 'p1', name: 'before the crash' });
    const folder = path.join(dataDir, 'people', encodeFileName('p1'));
    const deadPid = 2 ** 22 + 17; // above Linux's pid_max, so never a live process
    const leftover = path.join(folder, `.${encodeFileName('p1')}.json.${deadPid}.abcdef.tmp`);
    await fs.writeFile(leftover, '{"etag":"half","doc":{"id":"p1","na');

    expect(await store.read('people', 'p1', 'p1')).toEqual(written);
    expect(await store.query('people', { partitionKey: 'p1' })).toEqual([written.doc]);

    const reopened = await openStore(dataDir);
    await expect(fs.access(leftover)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await reopened.read('people', 'p1', 'p1')).toEqual(written);
  });

  it('leaves every document whole when a writing process is killed mid-write', async () => {
    const dataDir = await newDataDir();
    const writer = startWorker(dataDir, 'churn');
    await startTogether(writer);
    await lineFrom(writer, 'written');
    await new Promise((resolve) => setTimeout(resolve, 300));
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.once('exit', resolve));

    const documentFiles = (await listFiles(dataDir)).filter(
      (file) => file.endsWith('.json') && !path.basename(file).startsWith('.'),
    );
    expect(documentFiles).toHaveLength(10);
    for (const file of documentFiles) {
      const text = await fs.readFile(path.join(dataDir, file), 'utf8');
      expect(() => JSON.parse(text)).not.toThrow();
    }
    const store = await openStore(dataDir);
    const docs = await store.query('jobs', { partitionKey: 'churn' });
    expect(docs.map((doc) => doc.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `doc-${i}`).sort());
    expect(docs.every((doc) => typeof doc.payload === 'string' && doc.payload.length === 256 * 1024)).toBe(
      true,
    );
    expect((await listFiles(dataDir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);

    // A lock the killed process held goes stale, so the documents can still be written.
    for (const doc of docs) await store.upsert('jobs', { ...doc, payload: 'after' });
    expect((await store.read('jobs', 'doc-0', 'churn'))?.doc.payload).toBe('after');
  });

  it('loses no increment when two processes update one counter with version checks', async () => {
    const dataDir = await newDataDir();
    const store = await openStore(dataDir);
    await store.create('jobs', { id: 'counter', kind: 'counter', value: 0 });

    const workers = [startWorker(dataDir, 'increment', '100'), startWorker(dataDir, 'increment', '100')];
    const summaries = workers.map((worker) => summaryOf<{ conflicts: number }>(worker));
    await startTogether(...workers);
    const results = await Promise.all(summaries);

    expect((await store.read('jobs', 'counter', 'counter'))?.doc.value).toBe(200);
    // Both really ran at once: each had to retry after the other's write at least once.
    expect(results.every((result) => result.conflicts > 0)).toBe(true);
  });

  it('lets exactly one create of an id succeed when two processes race', async () => {
    const dataDir = await newDataDir();
    const store = await openStore(dataDir);

    const workers = [startWorker(dataDir, 'create', '25', 'a'), startWorker(dataDir, 'create', '25', 'b')];
    const summaries = workers.map((worker) => summaryOf<{ won: string[] }>(worker));
    await startTogether(...workers);
    const results = await Promise.all(summaries);

    const wins = results.flatMap((result) => result.won);
    for (let index = 0; index < 25; index += 1) {
      const id = `race-${index}`;
      const winners = wins.filter((win) => win.startsWith(`${id}:`));
      expect(winners).toHaveLength(1);
      expect((await store.read('jobs', id, 'race'))?.doc.writer).toBe(winners[0]?.split(':')[1]);
    }
  });
});
