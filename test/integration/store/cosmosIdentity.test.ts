import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { createCosmosClient } from '../../../src/store/cosmos/createCosmosClient';
import {
  startCosmosServer,
  TEST_SERVER_REQUEST_TIMEOUT_MS,
  type CosmosTestServer,
} from '../../support/cosmosServer';

/** Hands out a fixed token and records the scopes it was asked for. */
class RecordingCredential implements TokenCredential {
  readonly scopes: string[] = [];
  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: 'loopback-entra-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

describe('Cosmos DB without a key: signed in with Entra ID', () => {
  let server: CosmosTestServer;
  beforeAll(async () => {
    server = await startCosmosServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('asks the credential for a Cosmos DB token and uses it instead of a key', async () => {
    const credential = new RecordingCredential();
    const client = createCosmosClient({
      endpoint: server.endpoint,
      credential,
      allowSelfSignedTls: true,
      requestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS,
    });
    const { database } = await client.databases.createIfNotExists({ id: 'identity-check' });
    expect(database.id).toBe('identity-check');
    expect(credential.scopes.length).toBeGreaterThan(0);
    // The data-plane scope of this account, as the SDK asks for it.
    expect([...new Set(credential.scopes)]).toEqual([`${server.endpoint}/.default`]);
    client.dispose();
  });
});
