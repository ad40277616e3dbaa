import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { StoreUnavailableError } from '../../src/store/documentStore';
import { SqliteDocumentStore } from '../../src/store/sqlite/sqliteDocumentStore';
import { writeLoader } from '../support/childService';

const WORKER = path.join(__dirname, 'sqliteStore.durability.worker.ts');
/** The writer is killed once it has acknowledged this many rounds, while it goes on writing. */
const KILL_AFTER_ROUND = 120;

let scratch: string;
let loaderPath: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'sqlite-durability-'));
  loaderPath = await writeLoader(scratch);
});

afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

function startWorker(dataDir: string, job: string, ...args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--require', loaderPath, WORKER, dataDir, job, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Every line the child writes to stdout, as it comes, until it has gone. */
function watchLines(
  child: ChildProcess,
  onLine: (line: string) => void,
): Promise<{ code: number | null; err: string }> {
  let pending = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, err })));
}

/** Starts the workers' jobs together once every one of them has loaded and opened its store. */
async function startTogether(
  ...workers: Array<{ child: ChildProcess; ready: Promise<void> }>
): Promise<void> {
  await Promise.all(workers.map((worker) => worker.ready));
  for (const worker of workers) worker.child.stdin?.end('go\n');
}

/** A worker whose last stdout line (its JSON summary) is read when it exits. */
function runWorker<T>(dataDir: string, job: string, ...args: string[]) {
  const child = startWorker(dataDir, job, ...args);
  const lines: string[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const closed = watchLines(child, (line) => {
    lines.push(line);
    if (line === 'ready') markReady();
  });
  const summary = closed.then(({ code, err }) => {
    if (code !== 0) throw new Error(`worker exited with ${code}: ${err}`);
    return JSON.parse(lines[lines.length - 1] ?? '') as T;
  });
  return { child, ready, summary };
}

async function newStore(busyTimeoutMs?: number): Promise<SqliteDocumentStore> {
  const store = new SqliteDocumentStore(await fs.mkdtemp(path.join(scratch, 'data-')), { busyTimeoutMs });
  await store.init();
  return store;
}

type ChurnDoc = { id: string; round: number; payload: string; sha256: string };

describe('embedded SQLite store durability', () => {
  it('keeps every acknowledged write, and only whole documents, when the writer is killed (kill -9)', async () => {
    const store = await newStore();
    const acknowledged: number[] = [];
    const child = startWorker(store.dataDir, 'churn');
    const gone = watchLines(child, (line) => {
      if (line === 'ready') child.stdin?.end('go\n');
      const ack = /^ack (\d+)$/.exec(line);
      if (!ack) return;
      acknowledged.push(Number(ack[1]));
      if (Number(ack[1]) === KILL_AFTER_ROUND) child.kill('SIGKILL');
    });
    const { code, err } = await gone;
    expect({ code, err, signal: child.signalCode }).toMatchObject({ code: null, signal: 'SIGKILL' });
    const lastAcknowledged = Math.max(...acknowledged);
    expect(lastAcknowledged).toBeGreaterThanOrEqual(KILL_AFTER_ROUND);

    const integrity = inspect(store.file, (db) => db.prepare('PRAGMA integrity_check').all());
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);

    const docs = await store.query<ChurnDoc>('jobs', { partitionKey: 'churn' });
    const rows = inspect(store.file, (db) =>
      db.prepare("SELECT count(*) AS n FROM documents WHERE container = 'jobs'").get(),
    );
    expect(rows).toEqual({ n: docs.length });
    for (const doc of docs) {
      expect(createHash('sha256').update(doc.payload).digest('hex')).toBe(doc.sha256);
      expect(doc.payload.startsWith(`${doc.round}:`)).toBe(true);
    }
    const rounds = docs
      .filter((doc) => doc.id !== 'latest')
      .map((doc) => doc.round)
      .sort((a, b) => a - b);
    // Writes were made one after another: those stored are every round from 0, with no gap,
    // up to at least the last one acknowledged.
    expect(rounds).toEqual(Array.from({ length: rounds.length }, (_, round) => round));
    expect(rounds.length).toBeGreaterThan(lastAcknowledged);
    expect(docs.find((doc) => doc.id === 'latest')?.round).toBeGreaterThanOrEqual(lastAcknowledged);

    // Nothing the killed process held stands in the way of new writes.
    await store.upsert('jobs', { id: 'latest', kind: 'churn', round: -1 });
    expect((await store.read('jobs', 'latest', 'churn'))?.doc.round).toBe(-1);
    await store.close();
  });

  it('loses no increment when two processes update one counter with version checks', async () => {
    const store = await newStore();
    await store.create('jobs', { id: 'counter', kind: 'counter', value: 0 });

    const workers = [
      runWorker<{ done: number }>(store.dataDir, 'increment', '150'),
      runWorker<{ done: number }>(store.dataDir, 'increment', '150'),
    ];
    await startTogether(...workers);
    const results = await Promise.all(workers.map((worker) => worker.summary));

    expect(results).toEqual([{ done: 150 }, { done: 150 }]);
    expect((await store.read('jobs', 'counter', 'counter'))?.doc.value).toBe(300);
    await store.close();
  });

  it('reports a database held by a stuck process as unavailable, and carries on once it is killed', async () => {
    const store = await newStore(100);
    const before = await store.upsert('jobs', { id: 'held', kind: 'held', value: 1 });
    const holder = runWorker(store.dataDir, 'hold');
    let markHolding: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => (markHolding = resolve));
    holder.child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && markHolding());
    await startTogether(holder);
    await holding;

    const failure = await store
      .upsert('jobs', { id: 'held', kind: 'held', value: 2 })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toBe('embedded store: write failed: database is locked');
    // Readers never wait for a writer.
    expect(await store.read('jobs', 'held', 'held')).toEqual(before);

    holder.child.kill('SIGKILL');
    await holder.summary.catch(() => undefined);
    await store.upsert('jobs', { id: 'held', kind: 'held', value: 3 });
    expect((await store.read('jobs', 'held', 'held'))?.doc.value).toBe(3);
    await store.close();
  });

  it('lets exactly one create of an id succeed when two processes race', async () => {
    const store = await newStore();

    const workers = [
      runWorker<{ won: string[] }>(store.dataDir, 'create', '25', 'a'),
      runWorker<{ won: string[] }>(store.dataDir, 'create', '25', 'b'),
    ];
    await startTogether(...workers);
    const results = await Promise.all(workers.map((worker) => worker.summary));

    const wins = results.flatMap((result) => result.won);
    for (let index = 0; index < 25; index += 1) {
      const id = `race-${index}`;
      const winners = wins.filter((win) => win.startsWith(`${id}:`));
      expect(winners).toHaveLength(1);
      expect((await store.read('jobs', id, 'race'))?.doc.writer).toBe(winners[0]?.split(':')[1]);
    }
    await store.close();
  });
});

function inspect<R>(file: string, look: (db: DatabaseSync) => R): R {
  const db = new DatabaseSync(file);
  try {
    return look(db);
  } finally {
    db.close();
  }
}
