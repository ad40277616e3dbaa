import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../src/store/createStore';
import type { DocumentStore } from '../../src/store/documentStore';
import { startCosmosServer, TEST_SERVER_REQUEST_TIMEOUT_MS } from './cosmosServer';
import { settleRegisteredWork } from './settleBeforeClose';

/**
 * One storage adapter the workflow tests run against, brought up fresh and torn down after; the
 * teardown first waits for the work of the services built over it (see settleBeforeClose).
 */
export interface StoreSubject {
  name: string;
  open(): Promise<{ store: DocumentStore; cleanup(): Promise<void> }>;
}

export const embeddedSubject: StoreSubject = {
  name: 'embedded SQLite store',
  async open() {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'workflow-'));
    const store = createStore({ kind: 'embedded', dataDir });
    await store.init();
    return {
      store,
      cleanup: async () => {
        await settleRegisteredWork();
        await store.close();
        await fs.rm(dataDir, { recursive: true, force: true });
      },
    };
  },
};

export const cosmosSubject: StoreSubject = {
  name: 'Cosmos DB adapter (cosmosdb-server over HTTPS)',
  async open() {
    const server = await startCosmosServer();
    const store = createStore(
      {
        kind: 'cosmos',
        endpoint: server.endpoint,
        key: server.key,
        database: 'workflow',
        allowSelfSignedTls: true,
      },
      undefined,
      TEST_SERVER_REQUEST_TIMEOUT_MS,
    );
    await store.init();
    return {
      store,
      cleanup: async () => {
        await settleRegisteredWork();
        await store.close();
        await server.stop();
      },
    };
  },
};

export const STORE_SUBJECTS: readonly StoreSubject[] = [embeddedSubject, cosmosSubject];
