import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';

export interface CosmosConnection {
  endpoint: string;
  key?: string;
  /** Accepts an untrusted TLS certificate. Only for a local Cosmos-protocol server; config refuses it in production. */
  allowSelfSignedTls: boolean;
  /** How long one request may take before the store is reported unavailable. */
  requestTimeoutMs: number;
}

/**
 * A client tuned to report an unreachable account within a few seconds instead of retrying for
 * minutes. Endpoint discovery is off: with it on, the SDK's account refresh ignored the request
 * timeout and a silent server hung requests indefinitely. The bot runs in one region, so
 * discovery buys nothing here.
 */
export function createCosmosClient(connection: CosmosConnection): CosmosClient {
  if (!connection.key) throw new Error('COSMOS_KEY: required to connect to Cosmos DB');
  return new CosmosClient({
    endpoint: connection.endpoint,
    key: connection.key,
    ...(connection.allowSelfSignedTls ? { agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true }) } : {}),
    connectionPolicy: {
      enableEndpointDiscovery: false,
      requestTimeout: connection.requestTimeoutMs,
      retryOptions: { maxRetryAttemptCount: 3, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 2 },
    },
  });
}
