import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import type { TelemetrySettings } from '../config/telemetrySettings';
import { createEmailScrubber } from './scrubTelemetry';

export interface Telemetry {
  /** True when Application Insights receives traces, requests, dependencies and metrics. */
  enabled: boolean;
  /** Sends what is buffered and stops; call before the process exits. */
  stop(): Promise<void>;
}

/** The two calls used from @azure/monitor-opentelemetry, injectable for tests. */
export interface AzureMonitor {
  useAzureMonitor(options: AzureMonitorOpenTelemetryOptions): void;
  shutdownAzureMonitor(): Promise<void>;
}

const OFF: Telemetry = { enabled: false, stop: async () => undefined };

/**
 * Starts Azure Monitor OpenTelemetry when APPLICATIONINSIGHTS_CONNECTION_STRING is set, and does
 * nothing at all otherwise (the SDK is not even loaded). Call it first thing in the process, before
 * the HTTP server and the Azure SDK clients are created, so their calls are traced.
 */
export function startTelemetry(
  settings: TelemetrySettings,
  load: () => AzureMonitor = loadAzureMonitor,
): Telemetry {
  const { connectionString } = settings;
  if (!connectionString) return OFF;
  const monitor = load();
  monitor.useAzureMonitor(telemetryOptions(connectionString));
  return { enabled: true, stop: () => monitor.shutdownAzureMonitor() };
}

/**
 * HTTP (requests to the bot; calls to the Bot Connector, Graph and Cosmos DB) and Azure SDK
 * tracing, standard metrics. No live metrics, and no database or logging-library instrumentation
 * the bot does not use, and no console capture. Spans carry URLs and ids; the bot never puts names or
 * message text in a URL, and a span processor removes any email address before anything is sent.
 */
export function telemetryOptions(connectionString: string): AzureMonitorOpenTelemetryOptions {
  return {
    azureMonitorExporterOptions: { connectionString },
    enableLiveMetrics: false,
    enableStandardMetrics: true,
    spanProcessors: [createEmailScrubber()],
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      console: { enabled: false },
    },
  };
}

function loadAzureMonitor(): AzureMonitor {
  // Required here rather than imported at the top, so a process without telemetry never loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when configured
  return require('@azure/monitor-opentelemetry') as AzureMonitor;
}
