import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemoOrganisation } from '../../src/demo/seedDemo';
import { createStore } from '../../src/store/createStore';
import type { DocumentStore } from '../../src/store/documentStore';
import { killChildServices, startChildService, writeLoader, type ChildService } from './childService';
import { TEST_SERVER_REQUEST_TIMEOUT_MS } from './cosmosServer';
import { startFakeConnector } from './fakeConnector';
import { postActivity, type BotReply } from './http';
import {
  isQuery,
  startInterruptibleCosmos,
  type InterruptibleCosmos,
  type RequestMatch,
} from './interruptibleCosmos';

/** What a test that kills the service part way through works with; set up before its first test. */
export interface KilledServiceStack {
  /** The Cosmos-protocol server, whose requests a test can hold back or watch. */
  readonly cosmos: InterruptibleCosmos;
  readonly connector: Awaited<ReturnType<typeof startFakeConnector>>;
  /** A store over the same database as the services', holding the demo organisation. */
  readonly store: DocumentStore;
  /** The real service in a process of its own, on that database, with these settings added. */
  start(settings?: Record<string, string>): Promise<ChildService>;
  /** An activity posted to a service, its messages to be sent through the fake connector. */
  post(service: ChildService, activity: Record<string, unknown>): Promise<BotReply[]>;
}

/**
 * The Cosmos-protocol server, a fake Bot Connector and the demo organisation, shared by one
 * describe block's services (started and killed by its tests); everything is stopped after it.
 */
export function useKilledServiceStack(database: string): KilledServiceStack {
  let scratch: string;
  let loaderPath: string;
  let cosmos: InterruptibleCosmos | undefined;
  let connector: Awaited<ReturnType<typeof startFakeConnector>> | undefined;
  let store: DocumentStore | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the killed-service stack is used before it is set up');
    return value;
  };

  beforeAll(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), `${database}-`));
    loaderPath = await writeLoader(scratch);
    cosmos = await startInterruptibleCosmos();
    connector = await startFakeConnector();
    store = createStore(
      { kind: 'cosmos', endpoint: cosmos.endpoint, key: cosmos.key, database, allowSelfSignedTls: true },
      undefined,
      TEST_SERVER_REQUEST_TIMEOUT_MS,
    );
    await store.init();
    await seedDemoOrganisation(store, { today: new Date() });
  });
  afterAll(async () => {
    await killChildServices();
    await store?.close();
    await connector?.stop();
    await cosmos?.stop();
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  });

  return {
    get cosmos() {
      return ready(cosmos);
    },
    get connector() {
      return ready(connector);
    },
    get store() {
      return ready(store);
    },
    start: (settings = {}) => {
      const server = ready(cosmos);
      return startChildService(loaderPath, scratch, {
        COSMOS_ENDPOINT: server.endpoint,
        COSMOS_KEY: server.key,
        COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
        COSMOS_DATABASE: database,
        LOG_LEVEL: 'debug',
        ...settings,
      });
    },
    post: async (service, activity) =>
      (await postActivity(service.url, { ...activity, serviceUrl: ready(connector).url })).replies,
  };
}

/** A write of a document to `container` (a create, replace or upsert), not a query. */
export function isWrite(container: string): RequestMatch {
  return (method, at, headers) =>
    (method === 'POST' || method === 'PUT') && at.includes(`/colls/${container}/docs`) && !isQuery(headers);
}
