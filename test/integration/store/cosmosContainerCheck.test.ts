import type { AccessToken, TokenCredential } from '@azure/identity';
import { MissingContainersError } from '../../../src/store/cosmos/checkContainers';
import { createCosmosClient } from '../../../src/store/cosmos/createCosmosClient';
import { CosmosDocumentStore } from '../../../src/store/cosmos/cosmosDocumentStore';
import { CONTAINER_NAMES, partitionKeyField } from '../../../src/store/containers';
import {
  startCosmosServer,
  TEST_SERVER_REQUEST_TIMEOUT_MS,
  type CosmosTestServer,
} from '../../support/cosmosServer';

/** Stands in for the managed identity: a token, and no account key. */
const entraCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({
    token: 'loopback-entra-token',
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};

describe('opening Cosmos DB signed in with Entra ID: containers are checked, never created', () => {
  let server: CosmosTestServer;
  beforeAll(async () => {
    server = await startCosmosServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  /** Sets up a database with a key (as the Bicep would), leaving out or changing some containers. */
  async function prepare(database: string, leaveOut: string[], wrongKey: string[] = []): Promise<void> {
    const admin = createCosmosClient({
      endpoint: server.endpoint,
      key: server.key,
      allowSelfSignedTls: true,
      requestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS,
    });
    const { database: db } = await admin.databases.createIfNotExists({ id: database });
    for (const name of CONTAINER_NAMES.filter((n) => !leaveOut.includes(n))) {
      const path = wrongKey.includes(name) ? '/somethingElse' : `/${partitionKeyField(name)}`;
      await db.containers.createIfNotExists({ id: name, partitionKey: { paths: [path] } });
    }
    admin.dispose();
  }

  function entraStore(database: string): CosmosDocumentStore {
    return new CosmosDocumentStore({
      endpoint: server.endpoint,
      credential: entraCredential,
      database,
      allowSelfSignedTls: true,
      requestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS,
    });
  }

  async function initError(store: CosmosDocumentStore): Promise<MissingContainersError> {
    try {
      await store.init();
    } catch (error) {
      if (error instanceof MissingContainersError) return error;
      throw error;
    } finally {
      await store.close();
    }
    throw new Error('expected a MissingContainersError');
  }

  it('opens when every container exists with its partition key', async () => {
    await prepare('complete', []);
    const store = entraStore('complete');
    await expect(store.init()).resolves.toBeUndefined();
    await store.close();
  });

  it('names a container a later release added and the command that creates it, and creates nothing', async () => {
    await prepare('one-missing', ['outbox']);
    const error = await initError(entraStore('one-missing'));
    expect(error.problems).toEqual([{ name: 'outbox', partitionKeyPath: '/personId' }]);
    expect(error.message).toMatch(
      /^COSMOS_DATABASE: Cosmos DB database "one-missing" is missing a container the bot needs:/,
    );
    expect(error.message).toContain('  - outbox (partition key /personId) does not exist');
    expect(error.message).toContain('deploying infra/main.bicep again');
    expect(error.message).toContain(
      '  az cosmosdb sql container create --resource-group <resource group> --account-name 127 --database-name one-missing --name outbox --partition-key-path /personId --ttl -1',
    );
    // Nothing was created behind the operator's back.
    const admin = createCosmosClient({
      endpoint: server.endpoint,
      key: server.key,
      allowSelfSignedTls: true,
      requestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS,
    });
    const { resources } = await admin.database('one-missing').containers.readAll().fetchAll();
    expect(resources.map((c) => c.id)).not.toContain('outbox');
    admin.dispose();
  });

  it('names every missing container at once, and one whose partition key differs', async () => {
    await prepare('several', ['jobs', 'botstate'], ['rota']);
    const error = await initError(entraStore('several'));
    expect(error.problems.map((p) => p.name).sort()).toEqual(['botstate', 'jobs', 'rota']);
    expect(error.message).toContain('is missing 3 containers');
    expect(error.message).toContain('rota has partition key /somethingElse, not /personId');
    expect(error.message).not.toContain('--name rota ');
  });

  it('names a missing database and the commands that create it and its containers', async () => {
    const error = await initError(entraStore('no-such-database'));
    expect(error.message).toMatch(
      /^COSMOS_DATABASE: Cosmos DB account 127 has no database "no-such-database"\./,
    );
    expect(error.message).toContain(
      'az cosmosdb sql database create --resource-group <resource group> --account-name 127 --name no-such-database',
    );
    for (const name of CONTAINER_NAMES)
      expect(error.message).toContain(`--name ${name} --partition-key-path`);
  });

  it('still creates what is missing when an account key is used (local emulator)', async () => {
    const store = new CosmosDocumentStore({
      endpoint: server.endpoint,
      key: server.key,
      database: 'keyed',
      allowSelfSignedTls: true,
      requestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS,
    });
    await store.init();
    await store.close();
    const checked = entraStore('keyed');
    await expect(checked.init()).resolves.toBeUndefined();
    await checked.close();
  });
});
