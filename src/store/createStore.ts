import type { StoreConfig } from '../config/config';
import type { Logger } from '../logging/logger';
import { CosmosDocumentStore } from './cosmos/cosmosDocumentStore';
import type { DocumentStore } from './documentStore';
import { SqliteDocumentStore } from './sqlite/sqliteDocumentStore';

/**
 * Picks the storage adapter the settings ask for: Cosmos DB when an endpoint is set, else the
 * embedded store. `cosmosRequestTimeoutMs` is for tests only (see ServiceOptions).
 */
export function createStore(
  config: StoreConfig,
  logger?: Logger,
  cosmosRequestTimeoutMs?: number,
): DocumentStore {
  if (config.kind === 'cosmos') {
    return new CosmosDocumentStore(
      {
        endpoint: config.endpoint,
        key: config.key,
        database: config.database,
        allowSelfSignedTls: config.allowSelfSignedTls,
        ...(cosmosRequestTimeoutMs ? { requestTimeoutMs: cosmosRequestTimeoutMs } : {}),
      },
      logger?.child({ store: 'cosmos' }),
    );
  }
  return new SqliteDocumentStore(config.dataDir, { logger: logger?.child({ store: 'embedded' }) });
}
