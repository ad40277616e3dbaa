/**
 * Runs in a child process for the durability tests: one embedded store on a shared DATA_DIR,
 * doing one job named on the command line, then printing a JSON summary line.
 */
import { createHash } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { DocumentExistsError, VersionConflictError } from '../../src/store/documentStore';
import { SqliteDocumentStore } from '../../src/store/sqlite/sqliteDocumentStore';

type Job = (store: SqliteDocumentStore, args: string[]) => Promise<unknown>;

const jobs: Record<string, Job> = {
  /** Adds one to the counter `count` times, reading again after every version conflict. */
  async increment(store, [count]) {
    let done = 0;
    while (done < Number(count)) {
      const current = await store.read('jobs', 'counter', 'counter');
      if (!current) throw new Error('counter missing');
      try {
        const value = (current.doc.value as number) + 1;
        await store.replace('jobs', { ...current.doc, value }, { ifMatch: current.etag });
        done += 1;
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    return { done };
  },

  /** Tries to create each of `count` ids three times at once; reports which creates succeeded. */
  async create(store, [count, writer]) {
    const won: string[] = [];
    for (let index = 0; index < Number(count); index += 1) {
      const id = `race-${index}`;
      const attempts = [1, 2, 3].map((attempt) =>
        store.create('jobs', { id, kind: 'race', writer: `${writer}-${attempt}` }).then(
          () => won.push(`${id}:${writer}-${attempt}`),
          (error: unknown) => {
            if (!(error instanceof DocumentExistsError)) throw error;
          },
        ),
      );
      await Promise.all(attempts);
    }
    return { won };
  },

  /** Takes the database's write lock in a transaction that never ends, and says so. */
  async hold(store) {
    const db = new DatabaseSync(store.file);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("UPDATE documents SET body = body WHERE container = 'jobs'").run();
    process.stdout.write('holding\n');
    // Keeps the process, and so the lock, until it is killed.
    await new Promise(() => setInterval(() => undefined, 60_000));
  },

  /**
   * Writes for ever: each round a new document of its own (tens of KB, with the SHA-256 of its
   * payload) and the `latest` document rewritten, then `ack <round>` once both are stored.
   */
  async churn(store) {
    for (let round = 0; ; round += 1) {
      const payload = `${round}:`.padEnd(
        32 * 1024 + (round % 97) * 512,
        String.fromCharCode(97 + (round % 26)),
      );
      const sha256 = createHash('sha256').update(payload).digest('hex');
      await store.create('jobs', { id: `write-${round}`, kind: 'churn', round, payload, sha256 });
      await store.upsert('jobs', { id: 'latest', kind: 'churn', round, payload, sha256 });
      process.stdout.write(`ack ${round}\n`);
    }
  },
};

async function main(): Promise<void> {
  const [dataDir, jobName, ...args] = process.argv.slice(2);
  const job = jobName === undefined ? undefined : jobs[jobName];
  if (!dataDir || !job) throw new Error('usage: <dataDir> <increment|create|churn|hold> [args]');
  const store = new SqliteDocumentStore(dataDir);
  await store.init();
  await waitForGo();
  const summary = await job(store, args);
  await store.close();
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

/** Says 'ready' and waits for a line on stdin, so that racing workers start together. */
function waitForGo(): Promise<void> {
  process.stdout.write('ready\n');
  return new Promise((resolve) =>
    process.stdin.once('data', () => {
      process.stdin.destroy();
      resolve();
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
