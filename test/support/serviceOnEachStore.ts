import { seedDemoOrganisation } from '../../src/demo/seedDemo';
import { startCosmosServer, TEST_SERVER_REQUEST_TIMEOUT_MS } from './cosmosServer';
import type { ServiceOptions } from '../../src/main';
import { startTestService, type TestService } from './startTestService';

/** The real service over HTTP with the demo organisation loaded, and a way to stop it and its store. */
export interface ServiceOnStore {
  service: TestService;
  stop(): Promise<void>;
}

/**
 * The service with the demo organisation on each store: the embedded one, and the Cosmos-protocol
 * server over loopback (its own database), for `describe.each`. The scheduler does not run.
 */
export const SERVICE_ON_EACH_STORE: Array<{
  name: string;
  start(database: string, options?: ServiceOptions): Promise<ServiceOnStore>;
}> = [
  {
    name: 'embedded store',
    async start(_database, options = {}) {
      const service = await startTestService({ SCHEDULER_INTERVAL_SECONDS: '0' }, options);
      return { service, stop: () => service.stop() };
    },
  },
  {
    name: 'Cosmos-protocol server',
    async start(database, options = {}) {
      const cosmos = await startCosmosServer();
      const service = await startTestService(
        {
          COSMOS_ENDPOINT: cosmos.endpoint,
          COSMOS_KEY: cosmos.key,
          COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
          COSMOS_DATABASE: database,
          SCHEDULER_INTERVAL_SECONDS: '0',
        },
        { cosmosRequestTimeoutMs: TEST_SERVER_REQUEST_TIMEOUT_MS, ...options },
      );
      await seedDemoOrganisation(service.store, { today: new Date() });
      return {
        service,
        stop: async () => {
          await service.stop();
          await cosmos.stop();
        },
      };
    },
  },
];
