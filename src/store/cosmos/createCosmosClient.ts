import https from 'node:https';
import { CosmosClient, type CosmosClientOptions, type RetryOptions } from '@azure/cosmos';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';

export interface CosmosConnection {
  endpoint: string;
  /** The account key, for local use. Without one the client signs in with Entra ID (managed identity). */
  key?: string;
  /** Used when there is no key; by default DefaultAzureCredential (AZURE_CLIENT_ID picks a user-assigned identity). */
  credential?: TokenCredential;
  /** Accepts an untrusted TLS certificate. Only for a local Cosmos-protocol server; config refuses it in production. */
  allowSelfSignedTls: boolean;
  /** How long one request may take before the store is reported unavailable. */
  requestTimeoutMs: number;
}

/**
 * When Cosmos DB answers 429 (too many requests), the SDK waits and retries. A Teams invoke
 * (a card button) must be answered within about 5 seconds, so waiting is capped well inside that:
 * at most 3 retries 500 ms apart, never more than 1.5 s of waiting in all. A fixed interval is
 * used because the server's own retry-after hint has no upper bound.
 */
export const THROTTLE_RETRY_OPTIONS: Readonly<
  Required<
    Pick<RetryOptions, 'maxRetryAttemptCount' | 'fixedRetryIntervalInMilliseconds' | 'maxWaitTimeInSeconds'>
  >
> = {
  maxRetryAttemptCount: 3,
  fixedRetryIntervalInMilliseconds: 500,
  maxWaitTimeInSeconds: 2,
};

/** The longest the SDK can spend waiting between throttled attempts with these options. */
export function longestThrottleWaitMs(
  options: Pick<
    RetryOptions,
    'maxRetryAttemptCount' | 'fixedRetryIntervalInMilliseconds' | 'maxWaitTimeInSeconds'
  >,
): number {
  const {
    maxRetryAttemptCount = 9,
    fixedRetryIntervalInMilliseconds = 0,
    maxWaitTimeInSeconds = 30,
  } = options;
  // The SDK retries while the time already waited is under the cap, so one more wait can overshoot it.
  if (fixedRetryIntervalInMilliseconds <= 0) return Number.POSITIVE_INFINITY;
  const capped =
    Math.ceil((maxWaitTimeInSeconds * 1000) / fixedRetryIntervalInMilliseconds) *
    fixedRetryIntervalInMilliseconds;
  return Math.min(maxRetryAttemptCount * fixedRetryIntervalInMilliseconds, capped);
}

/**
 * The client's options, tuned to report an unreachable account within a few seconds instead of
 * retrying for minutes. Endpoint discovery is off: with it on, the SDK's account refresh ignored
 * the request timeout and a silent server hung requests indefinitely. The bot runs in one region,
 * so discovery buys nothing here.
 */
export function cosmosClientOptions(connection: CosmosConnection): CosmosClientOptions {
  const auth: Pick<CosmosClientOptions, 'key' | 'aadCredentials'> = connection.key
    ? { key: connection.key }
    : { aadCredentials: connection.credential ?? new DefaultAzureCredential() };
  return {
    endpoint: connection.endpoint,
    ...auth,
    ...(connection.allowSelfSignedTls
      ? { agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true }) }
      : {}),
    connectionPolicy: {
      enableEndpointDiscovery: false,
      requestTimeout: connection.requestTimeoutMs,
      retryOptions: { ...THROTTLE_RETRY_OPTIONS },
    },
  };
}

export function createCosmosClient(connection: CosmosConnection): CosmosClient {
  return new CosmosClient(cosmosClientOptions(connection));
}
