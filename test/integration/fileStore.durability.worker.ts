/**
 * Runs in a child process for the durability tests: one embedded store on a shared data folder,
 * doing one job named on the command line, then printing a JSON summary line.
 */
import { VersionConflictError, DocumentExistsError } from '../../src/store/documentStore';
import { FileDocumentStore } from '../../src/store/embedded/fileDocumentStore';

type Job = (store: FileDocumentStore, args: string[]) => Promise<unknown>;

const jobs: Record<string, Job> = {
  /** Adds one to the counter `count` times, re-reading after every version conflict. */
  async increment(store, [count]) {
    let conflicts = 0;
    for (let done = 0; done < Number(count);) {
      const current = await store.read('jobs', 'counter', 'counter');
      if (!current) throw new Error('counter missing');
      try {
        const value = (current.doc.value as number) + 1;
        await store.replace('jobs', { ...current.doc, value }, { ifMatch: current.etag });
        done += 1;
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        conflicts += 1;
      }
    }
    return { conflicts };
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

  /** Rewrites ten large documents for ever, announcing when the first round is on disk. */
  async churn(store) {
    const payload = 'x'.repeat(256 * 1024);
    for (let round = 0; ; round += 1) {
      await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          store.upsert('jobs', { id: `doc-${index}`, kind: 'churn', round, payload }),
        ),
      );
      if (round === 0) process.stdout.write('written\n');
    }
  },
};

async function main(): Promise<void> {
  const [dataDir, jobName, ...args] = process.argv.slice(2);
  const job = jobName === undefined ? undefined : jobs[jobName];
  if (!dataDir || !job) throw new Error('usage: <dataDir> <increment|create|churn> [args]');
  const store = new FileDocumentStore(dataDir);
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
