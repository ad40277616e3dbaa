import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { CosmosDocumentStore } from '../../src/store/cosmos/cosmosDocumentStore';

export interface CosmosProcess {
  endpoint: string;
  key: string;
  pid: number;
  /** A store over the server, for seeding and checking; opened (containers created). */
  openStore(database: string): Promise<CosmosDocumentStore>;
  stop(): Promise<void>;
}

/** Starts @vercel/cosmosdb-server on loopback in a child process. */
export async function startCosmosProcess(): Promise<CosmosProcess> {
  const child: ChildProcess = fork(path.join(__dirname, 'cosmosChild.js'), [], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { endpoint, key } = await new Promise<{ endpoint: string; key: string }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { endpoint: string; key: string }));
    child.once('exit', (code) => reject(new Error(`the Cosmos-protocol server stopped (exit ${code})`)));
  });
  return {
    endpoint,
    key,
    pid: child.pid ?? 0,
    openStore: async (database) => {
      const store = new CosmosDocumentStore({
        endpoint,
        key,
        database,
        allowSelfSignedTls: true,
        requestTimeoutMs: 30_000,
      });
      await store.init();
      return store;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
