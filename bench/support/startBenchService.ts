import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { DEMO_IDS } from '../../src/demo/demoOrganisation';
import { seedDemoOrganisation } from '../../src/demo/seedDemo';
import type { Person } from '../../src/domain/people';
import { createLogger } from '../../src/logging/logger';
import { startService, type RunningService } from '../../src/main';
import type { DocumentStore } from '../../src/store/documentStore';
import { startCosmosProcess, type CosmosProcess } from './startCosmosProcess';

export interface BenchService {
  service: RunningService;
  cosmos: CosmosProcess;
  /** Visitors like Alex (same manager, department and profession), one per conversation. */
  visitorIds: string[];
  stop(): Promise<void>;
}

/** The settings the service reads, pointing at the Cosmos-protocol server; no scheduler, no logs. */
export function benchEnvironment(cosmos: CosmosProcess, database: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    COSMOS_DATABASE: database,
    COSMOS_ALLOW_SELF_SIGNED_TLS: 'true',
    SCHEDULER_INTERVAL_SECONDS: '0',
  };
}

/**
 * The real service (startService) over @vercel/cosmosdb-server in a child process, with the demo
 * organisation and `visitors` extra visitors loaded.
 */
export async function startBenchService(
  database: string,
  visitors: number,
  env: Record<string, string> = {},
): Promise<BenchService> {
  const cosmos = await startCosmosProcess();
  const config = loadConfig({ ...benchEnvironment(cosmos, database), ...env });
  const service = await startService(config, createLogger('silent'));
  await seedDemoOrganisation(service.store, { today: new Date() });
  const visitorIds = await addVisitors(service.store, visitors);
  return {
    service,
    cosmos,
    visitorIds,
    stop: async () => {
      await service.close();
      await cosmos.stop();
    },
  };
}

/** Where a benchmark's service keeps its data: the Cosmos-protocol server (at `endpoint`, e.g. through a latency proxy) or the embedded store. */
export type BenchStore =
  { kind: 'cosmos'; cosmos: CosmosProcess; endpoint?: string; database: string } | { kind: 'embedded' };

export interface StoreService {
  service: RunningService;
  visitorIds: string[];
  stop(): Promise<void>;
}

/**
 * The real service over the given store, with the demo organisation and `visitors` extra
 * visitors loaded. The embedded store lives in a temporary DATA_DIR, removed on stop.
 */
export async function startServiceOn(target: BenchStore, visitors: number): Promise<StoreService> {
  const dataDir =
    target.kind === 'embedded' ? await fs.mkdtemp(path.join(os.tmpdir(), 'bench-embedded-')) : undefined;
  const env =
    target.kind === 'cosmos'
      ? {
          ...benchEnvironment(target.cosmos, target.database),
          COSMOS_ENDPOINT: target.endpoint ?? target.cosmos.endpoint,
        }
      : {
          NODE_ENV: 'test',
          PORT: '0',
          LOG_LEVEL: 'silent',
          DATA_DIR: dataDir as string,
          DEMO_DATA: 'off',
          SCHEDULER_INTERVAL_SECONDS: '0',
        };
  const service = await startService(loadConfig(env), createLogger('silent'));
  await seedDemoOrganisation(service.store, { today: new Date() });
  const visitorIds = await addVisitors(service.store, visitors);
  return {
    service,
    visitorIds,
    stop: async () => {
      await service.close();
      if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Copies of Alex with their own ids, so that each conversation is a different person. */
export async function addVisitors(store: DocumentStore, count: number): Promise<string[]> {
  const alex = (
    await store.read<Person & { [field: string]: unknown }>('people', DEMO_IDS.alex, DEMO_IDS.alex)
  )?.doc;
  if (!alex) throw new Error('the demo organisation has no Alex');
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `be4c0000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const { conversation: _none, ...rest } = alex;
    await store.upsert('people', {
      ...rest,
      id,
      email: `bench.visitor.${i}@northmoor-nhs.example`,
      name: `Visitor ${i}`,
    });
    ids.push(id);
  }
  return ids;
}
