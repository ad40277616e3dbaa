import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { CliContext } from '../../../src/cli/cliContext';
import type { DocumentStore } from '../../../src/store/documentStore';
import { SqliteDocumentStore } from '../../../src/store/sqlite/sqliteDocumentStore';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'cli');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs one command line in-process against `store`, capturing its output. The store stays open. */
export async function runAgainst(store: DocumentStore, ...args: string[]): Promise<CliRun> {
  return runWithSettings(store, {}, ...args);
}

/** The same, with settings (environment variables) for the command to read. */
export async function runWithSettings(
  store: DocumentStore,
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<CliRun> {
  let out = '';
  let err = '';
  const context: CliContext = {
    out: { write: (text: string) => (out += text) },
    err: { write: (text: string) => (err += text) },
    now: () => new Date('2026-03-01T09:00:00Z'),
    env,
    openStore: async () => keepOpen(store),
  };
  const code = await runCli(['node', 'cli', ...args], context);
  return { code, out, err };
}

/** The commands close the store they open; tests reuse one store across several commands. */
function keepOpen(store: DocumentStore): DocumentStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'close') return async () => undefined;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A fresh, empty embedded store in a temporary folder, removed again by `dispose`. */
export async function openTestStore(): Promise<TestStore> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cli-test-'));
  const store = new SqliteDocumentStore(dataDir);
  await store.init();
  return Object.assign(store, {
    dispose: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}

export type TestStore = DocumentStore & { dispose(): Promise<void> };
