import path from 'node:path';
import {
  cosmosClientOptions,
  longestThrottleWaitMs,
  THROTTLE_RETRY_OPTIONS,
} from '../../../src/store/cosmos/createCosmosClient';

/** Teams gives an invoke about 5 s; throttling may use at most about 3 s of that. */
const THROTTLE_BUDGET_MS = 3_000;

const connection = {
  endpoint: 'https://acct.documents.azure.com:443/',
  allowSelfSignedTls: false,
  requestTimeoutMs: 2_500,
};

interface ThrottlePolicy {
  retryAfterInMs: number;
  shouldRetry(error: unknown, diagnostics: { addData(data: unknown): void }): Promise<boolean>;
}

/** The SDK's own 429 policy (not exported from the package, so loaded from its build). */
function sdkThrottlePolicy(options: object): ThrottlePolicy {
  const root = path.dirname(require.resolve('@azure/cosmos'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file inside the package's build
  const { ResourceThrottleRetryPolicy } = require(
    path.join(root, 'retry', 'resourceThrottleRetryPolicy.js'),
  ) as {
    ResourceThrottleRetryPolicy: new (options: object) => ThrottlePolicy;
  };
  return new ResourceThrottleRetryPolicy(options);
}

describe('Cosmos DB client options', () => {
  it('signs with the key when one is set, and asks for no token', () => {
    const options = cosmosClientOptions({ ...connection, key: 'a2V5' });
    expect(options.key).toBe('a2V5');
    expect(options.aadCredentials).toBeUndefined();
  });

  it('uses Entra ID (DefaultAzureCredential, so managed identity in Azure) when no key is set', () => {
    const options = cosmosClientOptions(connection);
    expect(options.key).toBeUndefined();
    expect(options.aadCredentials?.constructor.name).toBe('DefaultAzureCredential');
  });

  it('keeps endpoint discovery off and the request timeout it is given', () => {
    const policy = cosmosClientOptions({ ...connection, key: 'k' }).connectionPolicy;
    expect(policy?.enableEndpointDiscovery).toBe(false);
    expect(policy?.requestTimeout).toBe(2_500);
  });

  it('retries throttled requests with a fixed interval, never waiting longer than the budget in all', () => {
    const retry = cosmosClientOptions({ ...connection, key: 'k' }).connectionPolicy?.retryOptions;
    expect(retry).toEqual(THROTTLE_RETRY_OPTIONS);
    expect(THROTTLE_RETRY_OPTIONS.fixedRetryIntervalInMilliseconds).toBeGreaterThan(0);
    expect(longestThrottleWaitMs(THROTTLE_RETRY_OPTIONS)).toBeLessThanOrEqual(THROTTLE_BUDGET_MS);
  });

  it('counts an unbounded wait when the server hint is followed, and the overshoot past the cap', () => {
    expect(
      longestThrottleWaitMs({
        maxRetryAttemptCount: 3,
        fixedRetryIntervalInMilliseconds: 0,
        maxWaitTimeInSeconds: 2,
      }),
    ).toBe(Number.POSITIVE_INFINITY);
    expect(
      longestThrottleWaitMs({
        maxRetryAttemptCount: 10,
        fixedRetryIntervalInMilliseconds: 700,
        maxWaitTimeInSeconds: 2,
      }),
    ).toBe(2_100);
  });

  it('holds the SDK itself to the budget, even when the server asks for a ten-second wait', async () => {
    const policy = sdkThrottlePolicy(THROTTLE_RETRY_OPTIONS);
    let waited = 0;
    let retries = 0;
    while (
      retries < 100 &&
      (await policy.shouldRetry({ code: 429, retryAfterInMs: 10_000 }, { addData: () => undefined }))
    ) {
      waited += policy.retryAfterInMs;
      retries += 1;
    }
    expect(retries).toBe(3);
    expect(waited).toBe(longestThrottleWaitMs(THROTTLE_RETRY_OPTIONS));
    expect(waited).toBeLessThanOrEqual(THROTTLE_BUDGET_MS);
  });
});
