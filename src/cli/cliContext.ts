import type { DocumentStore } from '../store/documentStore';

/** Where a command writes its text: process.stdout in use, a string buffer in tests. */
export interface TextOutput {
  write(text: string): unknown;
}

/**
 * What the commands need from the outside world, passed in so that each command can run in-process
 * in a test with a temporary store, a captured output and a fixed clock.
 */
export interface CliContext {
  out: TextOutput;
  err: TextOutput;
  now: () => Date;
  env: NodeJS.ProcessEnv;
  /** Opens the configured store and makes it ready (`init`). The caller closes it. */
  openStore(): Promise<DocumentStore>;
}

/** Opens the store, runs `work` with it and closes it again, whatever happens. */
export async function withStore<T>(
  context: CliContext,
  work: (store: DocumentStore) => Promise<T>,
): Promise<T> {
  const store = await context.openStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
