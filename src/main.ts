import 'dotenv/config';
import { readTelemetrySettings } from './config/telemetrySettings';
import { startTelemetry } from './logging/telemetry';

// Started before the HTTP server, the Bot Framework and the Azure SDK are loaded, so their calls are
// traced; only when this file is the program (tests import it without telemetry). A wrong setting
// starts nothing here: loadConfig then stops the service naming it.
const telemetrySettings = readTelemetrySettings(process.env);
const telemetry =
  require.main === module
    ? startTelemetry(telemetrySettings.ok ? telemetrySettings.settings : {})
    : undefined;

import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config/config';
import { loadRuleFiles } from './config/loadRuleFiles';
import { seedDemoOrganisation } from './demo/seedDemo';
import { createDemoWeekKeeper } from './demo/demoWeekKeeper';
import { createServer } from './http/createServer';
import { createLogger, type Logger } from './logging/logger';
import type { AfterAnswer } from './app/afterAnswer';
import type { Dispatcher } from './app/dispatcher';
import { releaseLease } from './app/scheduledWork';
import { startScheduler } from './app/startScheduler';
import { repairCatalogueLogged, startCatalogueUpkeep } from './app/catalogueUpkeep';
import { startDailyShiftsSync } from './graph/dailyShiftsSync';
import { createUnreachableInstaller } from './graph/installForUnreachable';
import { MissingContainersError } from './store/cosmos/checkContainers';
import { createStore } from './store/createStore';
import type { DocumentStore } from './store/documentStore';
import { LegacyLayoutError } from './store/legacy/findLegacyLayout';
import { createAdapter, type AdapterOptions } from './teams/createAdapter';
import { createBot } from './teams/createBot';
import { createOpenAiSentenceModel } from './teams/languageModel/openAiSentenceModel';
import type { Timers } from './domain/requestDialog/modelReading';
import { createMessageEndpoint } from './teams/createMessageEndpoint';

export interface RunningService {
  url: string;
  port: number;
  store: DocumentStore;
  dispatcher: Dispatcher;
  /** What decisions file after their answers (tests wait for it after a turn). */
  afterAnswer: AfterAnswer;
  close(): Promise<void>;
}

/** What only code may set (tests): never read from settings. */
export interface ServiceOptions {
  adapter?: Pick<AdapterOptions, 'openIdMetadataUrl' | 'credentialsFactory'>;
  /**
   * How long one Cosmos DB request may take. Tests that run the Cosmos-protocol server in their
   * own process give it longer than production's few seconds, as a busy machine answers slowly.
   */
  cosmosRequestTimeoutMs?: number;
  /** How long /healthz waits for the store. Tests give a busy machine longer than production's 3 s. */
  healthTimeoutMs?: number;
  /** The timers the language model's 2 s limit runs on (tests run it out without waiting). */
  modelTimers?: Timers;
  /** The time the bot and the demo go by (tests set it; the real time without it). */
  clock?: () => Date;
  /** The store the bot works through, around the one opened (tests: writes held or failing). */
  storeAround?: (store: DocumentStore) => DocumentStore;
}

/** A start-up failure the operator can act on: the message says which setting to check. */
export class StartupError extends Error {}

/** Opens the store, loads the demo organisation where wanted, and serves the bot. */
export async function startService(
  config: Config,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const store = createStore(config.store, logger, options.cosmosRequestTimeoutMs);
  await openStore(store, config);

  const clock = options.clock ?? (() => new Date());
  const keepDemoCurrent = await loadDemo(store, config, clock, logger);

  // Before the first turn: offers written without the catalogue (an upgrade, a migration) are found.
  await repairCatalogueLogged(store, logger);

  const adapter = createAdapter(config.credentials, {
    allowedTenantIds: config.allowedTenantIds,
    logger: logger.child({ component: 'adapter' }),
    ...options.adapter,
  });
  const bot = createBot({
    adapter,
    store: options.storeAround ? options.storeAround(store) : store,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    retention: config.retention,
    reapproveNewTime: config.reapproveNewTime,
    bankHolidayRegion: config.bankHolidayRegion,
    workingTime: config.workingTime,
    coverRates: config.coverRates,
    reachOut: createUnreachableInstaller(config.graph),
    botAppId: config.credentials?.appId ?? '',
    digest: config.digest,
    sendRatePerSecond: config.sendRatePerSecond,
    ...(config.languageModel
      ? { sentenceModel: createOpenAiSentenceModel(config.languageModel, logger) }
      : {}),
    ...(options.modelTimers ? { modelTimers: options.modelTimers } : {}),
  });
  logger.info(
    config.languageModel
      ? {
          languageModel: new URL(config.languageModel.endpoint).host,
          deployment: config.languageModel.deployment,
        }
      : { languageModel: 'off' },
    config.languageModel
      ? 'first sentences are also read by the language model; the built-in reader is the fallback'
      : 'no language model configured: the built-in reader reads first sentences',
  );
  const stopScheduler = startScheduler(bot.dispatcher, config.schedulerIntervalMs, logger);
  const stopShiftsSync = startDailyShiftsSync({
    store,
    settings: config.graph,
    logger,
    workingTime: config.workingTime,
  });
  // Checked again now and then (an offer saved by a process that stopped before its copy).
  const stopCatalogueUpkeep = startCatalogueUpkeep(
    store,
    logger,
    config.schedulerIntervalMs > 0 ? undefined : 0,
  );
  const server = createServer({
    logger,
    maxBodyBytes: config.maxBodyBytes,
    handleActivity: demoWeekFirst(keepDemoCurrent, createMessageEndpoint(adapter, bot.app)),
    checkHealth: async () => {
      await store.ping();
      // Documents that could not be read are counted, not failed on: the others still work.
      return { store: config.store.kind, unreadableDocuments: store.damage.count };
    },
    ...(options.healthTimeoutMs ? { healthTimeoutMs: options.healthTimeoutMs } : {}),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(
              `PORT: ${config.port} is already in use on ${config.host}. Stop whatever is using it or set PORT to another number.`,
            )
          : error,
      ),
    );
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;
  if (config.localMode) {
    logger.warn(
      { url },
      'LOCAL MODE: no bot credentials (MICROSOFT_APP_ID) are set, so requests are not authenticated. Listening on loopback only.',
    );
  }
  logger.info({ url, store: config.store.kind }, 'service started');

  return {
    url,
    port,
    store,
    dispatcher: bot.dispatcher,
    afterAnswer: bot.services.afterAnswer,
    close: async () => {
      const stopped = stopScheduler();
      stopShiftsSync();
      const catalogueChecked = stopCatalogueUpkeep();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopped;
      await catalogueChecked;
      // What decisions answered before the server closed still file, then deliver.
      await bot.services.afterAnswer.idle();
      await bot.dispatcher.idle();
      await giveUpLease(store, logger);
      await store.close();
    },
  };
}

/**
 * Loads the demo organisation into an empty embedded store (DEMO_DATA=auto), and lays a demo
 * loaded in an earlier week out for this one. Resolves what keeps it current while the bot runs
 * (the week can turn between two turns), or undefined when there is no demo to keep.
 */
async function loadDemo(
  store: DocumentStore,
  config: Config,
  clock: () => Date,
  logger: Logger,
): Promise<(() => Promise<void>) | undefined> {
  if (config.store.kind !== 'embedded' || config.demoData !== 'auto') return undefined;
  const seeded = await seedDemoOrganisation(store, { today: clock(), history: true });
  if (seeded.seeded)
    logger.info(
      { people: seeded.people, offers: seeded.offers },
      'loaded the demo organisation into the empty store',
    );
  const keepCurrent = createDemoWeekKeeper(store, clock, logger);
  await keepCurrent();
  return keepCurrent;
}

/** Each turn first brings the demo up to this week, when there is a demo. */
function demoWeekFirst<A extends unknown[]>(
  keepCurrent: (() => Promise<void>) | undefined,
  handle: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  if (!keepCurrent) return handle;
  return async (...args) => {
    await keepCurrent();
    await handle(...args);
  };
}

/** On a clean shutdown another instance takes the scheduler over at once, not when the lease runs out. */
async function giveUpLease(store: DocumentStore, logger: Logger): Promise<void> {
  try {
    if (await releaseLease(store)) logger.info('gave up the scheduler lease');
  } catch (error) {
    logger.warn({ err: error }, 'could not give up the scheduler lease; it runs out by itself');
  }
}

async function openStore(store: DocumentStore, config: Config): Promise<void> {
  try {
    await store.init();
  } catch (error) {
    if (error instanceof MissingContainersError) throw new StartupError(error.message, { cause: error });
    if (error instanceof LegacyLayoutError) throw new StartupError(error.message, { cause: error });
    const setting =
      config.store.kind === 'cosmos'
        ? `COSMOS_ENDPOINT / COSMOS_KEY: could not open Cosmos DB at ${config.store.endpoint}. Check the endpoint, that the account is reachable, and the key (COSMOS_KEY) or, without one, that the managed identity (AZURE_CLIENT_ID) has the Cosmos DB Built-in Data Contributor role.`
        : `DATA_DIR: could not open the embedded store in ${config.store.dataDir}. Check that the folder exists or can be created, and is writable.`;
    throw new StartupError(setting, { cause: error });
  }
}

/**
 * The service as `node src/main.ts` runs it: settings from the environment, stopped cleanly on
 * SIGINT or SIGTERM. `options` are for a test that starts it in a process of its own.
 */
export async function main(options: ServiceOptions = {}): Promise<void> {
  let config: Config;
  try {
    config = await loadRuleFiles(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.localMode) {
    process.stderr.write(
      '\n*** LOCAL MODE: no bot credentials are set. The bot accepts unauthenticated requests and listens on 127.0.0.1 only. ***\n\n',
    );
  }
  let service: RunningService;
  try {
    service = await startService(config, logger, options);
  } catch (error) {
    if (error instanceof StartupError) {
      logger.fatal({ err: error.cause }, error.message);
      process.stderr.write(`Could not start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await service.close();
    await telemetry?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

if (require.main === module) {
  void main();
}
