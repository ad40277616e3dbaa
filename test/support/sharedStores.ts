import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CosmosDocumentStore } from '../../src/store/cosmos/cosmosDocumentStore';
import { createStore } from '../../src/store/createStore';
import type { DocumentStore } from '../../src/store/documentStore';
import { startCosmosServer, TEST_SERVER_REQUEST_TIMEOUT_MS } from './cosmosServer';
import { settleRegisteredWork } from './settleBeforeClose';

/** Opens connections to one fresh store, as two instances of the service would each open one. */
export interface SharedStoreSubject {
  name: string;
  open(): Promise<{ connect(): Promise<DocumentStore>; cleanup(): Promise<void> }>;
}

export const embeddedShared: SharedStoreSubject = {
  name: 'embedded SQLite store',
  async open() {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'send-budget-'));
    const opened: DocumentStore[] = [];
    return {
      async connect() {
        const store = createStore({ kind: 'embedded', dataDir });
        await store.init();
        opened.push(store);
        return store;
      },
      async cleanup() {
        await settleRegisteredWork();
        for (const store of opened) await store.close();
        await fs.rm(dataDir, { recursive: true, force: true });
      },
    };
  },
};

export const cosmosShared: SharedStoreSubject = {
  name: 'Cosmos DB adapter (cosmosdb-server over HTTPS)',
  async open() {
    const server = await startCosmosServer();
    const opened: DocumentStore[] = [];
    return {
      async connect() {
        const store = new CosmosDocumentStore({
          endpoint: server.endpoint,
          key: server.key,
          database: 'send-budget',
          allowSelfSignedTls: true,
          requestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS,
        });
        await store.init();
        opened.push(store);
        return store;
      },
      async cleanup() {
        await settleRegisteredWork();
        for (const store of opened) await store.close();
        await server.stop();
      },
    };
  },
};

export const SHARED_STORE_SUBJECTS: readonly SharedStoreSubject[] = [embeddedShared, cosmosShared];
