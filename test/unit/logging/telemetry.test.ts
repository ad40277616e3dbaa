import { trace } from '@opentelemetry/api';
import { readTelemetrySettings } from '../../../src/config/telemetrySettings';
import { startTelemetry, telemetryOptions, type AzureMonitor } from '../../../src/logging/telemetry';

/** Records what would have been started, instead of starting it. */
function recordingMonitor(): AzureMonitor & { started: unknown[]; stopped: number } {
  const monitor = {
    started: [] as unknown[],
    stopped: 0,
    useAzureMonitor: (options: unknown) => void monitor.started.push(options),
    shutdownAzureMonitor: async () => void (monitor.stopped += 1),
  };
  return monitor;
}

const CONNECTION =
  'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';

describe('startTelemetry', () => {
  it.each([
    {},
    { APPLICATIONINSIGHTS_CONNECTION_STRING: '' },
    { APPLICATIONINSIGHTS_CONNECTION_STRING: '   ' },
  ])('does nothing without a connection string: %j', async (env) => {
    let loaded = 0;
    const settings = readTelemetrySettings(env);
    if (!settings.ok) throw new Error(settings.problems.join());
    const telemetry = startTelemetry(settings.settings, () => {
      loaded += 1;
      return recordingMonitor();
    });
    expect(telemetry.enabled).toBe(false);
    await expect(telemetry.stop()).resolves.toBeUndefined();
    expect(loaded).toBe(0);
  });

  it('registers no global tracer when off, with the real SDK loader', () => {
    expect(startTelemetry({}).enabled).toBe(false);
    const provider = trace.getTracerProvider() as unknown as { getDelegate(): object };
    expect(provider.getDelegate().constructor.name).toBe('NoopTracerProvider');
  });

  it('starts Azure Monitor with the connection string, and stops it', async () => {
    const monitor = recordingMonitor();
    const settings = readTelemetrySettings({ APPLICATIONINSIGHTS_CONNECTION_STRING: ` ${CONNECTION} ` });
    if (!settings.ok) throw new Error(settings.problems.join());
    const telemetry = startTelemetry(settings.settings, () => monitor);
    expect(telemetry.enabled).toBe(true);
    const { spanProcessors, ...rest } = telemetryOptions(CONNECTION);
    expect(monitor.started).toEqual([
      { ...rest, spanProcessors: [expect.objectContaining({ onEnd: expect.any(Function) })] },
    ]);
    expect(spanProcessors).toHaveLength(1);
    await telemetry.stop();
    expect(monitor.stopped).toBe(1);
  });

  it('names the setting, and never repeats the value, when the connection string is not one', () => {
    const secretish = 'https://uksouth-1.in.applicationinsights.azure.com/';
    const result = readTelemetrySettings({ APPLICATIONINSIGHTS_CONNECTION_STRING: secretish });
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(
          /^APPLICATIONINSIGHTS_CONNECTION_STRING: must be the Application Insights connection string/,
        ),
      ],
    });
    expect(JSON.stringify(result)).not.toContain(secretish);
  });

  it('traces HTTP and the Azure SDK, and leaves live metrics and unused libraries off', () => {
    const options = telemetryOptions(CONNECTION);
    expect(options.azureMonitorExporterOptions?.connectionString).toBe(CONNECTION);
    expect(options.enableLiveMetrics).toBe(false);
    expect(options.instrumentationOptions?.http?.enabled).toBe(true);
    expect(options.instrumentationOptions?.azureSdk?.enabled).toBe(true);
    expect(options.instrumentationOptions?.mongoDb?.enabled).toBe(false);
  });
});
